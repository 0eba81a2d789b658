#!/bin/sh
# check-catalogs.sh SOURCE_ROOT: every translation in po/LINGUAS compiles
# with msgfmt --check (formats, plural forms, header, one mnemonic where the
# original has one) and holds no fuzzy or untranslated message; then each is
# measured against a POT made fresh from po/POTFILES, so that strings added
# since the last update are counted (issue 14). Those are reported, not
# failed: a new string may land before its translation does.
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# Messages in a catalogue, without its header.
count() {
  n=$(grep -c '^msgid ' || true)
  echo $((n > 0 ? n - 1 : 0))
}

# The glib preset of meson's i18n module.
(cd "$root" && xgettext --from-code=UTF-8 --add-comments \
   --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
   --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
   --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
   --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
   --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
   --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
   --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
   --package-name=socplan --files-from=po/POTFILES -o "$tmp/socplan.pot") 2>"$tmp/xgettext.log" || {
  cat "$tmp/xgettext.log"
  exit 1
}
if [ -s "$tmp/xgettext.log" ]; then
  echo "xgettext warns:"
  cat "$tmp/xgettext.log"
  status=1
fi
total=$(msgattrib --no-obsolete "$tmp/socplan.pot" | count)
echo "po/POTFILES: $total messages"

for lang in $(sed 's/#.*//' "$root/po/LINGUAS"); do
  po="$root/po/$lang.po"
  if ! msgfmt --check --check-accelerators=_ -o /dev/null "$po" 2>"$tmp/msgfmt.log"; then
    cat "$tmp/msgfmt.log"
    status=1
  fi
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | count)
  untranslated=$(msgattrib --untranslated --no-obsolete "$po" | count)
  if [ "$fuzzy" -gt 0 ] || [ "$untranslated" -gt 0 ]; then
    echo "po/$lang.po: $fuzzy fuzzy and $untranslated untranslated messages:"
    msgattrib --no-wrap --only-fuzzy --no-obsolete "$po" | sed -n 's/^msgid //p' | sed 1d
    msgattrib --no-wrap --untranslated --no-obsolete "$po" | sed -n 's/^msgid //p' | sed 1d
    status=1
  fi

  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/socplan.pot"
  done_now=$(msgattrib --translated --no-fuzzy --no-obsolete "$tmp/$lang.po" | count)
  echo "po/$lang.po: $done_now of $total messages of the sources translated"
  if [ "$done_now" -lt "$total" ]; then
    echo "po/$lang.po: $((total - done_now)) new in the sources: msgmerge po/$lang.po and translate them"
  fi
done
exit $status
