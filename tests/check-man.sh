#!/bin/sh
# check-man.sh MANPAGE CLI: the manual page renders without a warning from
# groff, carries the program's version, and describes every command and
# option that `socplan-cli --help` lists (issue 14).
set -eu
page=$1
cli=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -E UTF-8 -l "$page" >"$tmp/page.txt" 2>"$tmp/warnings"
if [ -s "$tmp/warnings" ]; then
  echo "$page: man --warnings says:"
  cat "$tmp/warnings"
  status=1
fi
# groff itself, in case man is set up to hide what troff says.
groff -man -ww -z -Tutf8 "$page" 2>"$tmp/groff" || true
if [ -s "$tmp/groff" ]; then
  cat "$tmp/groff"
  status=1
fi

version=$(LANGUAGE= LC_ALL=C.UTF-8 "$cli" --version)
case "$version" in
  "socplan-cli "[0-9]*) ;;
  *) echo "socplan-cli --version prints “$version”"; status=1 ;;
esac
if ! tail -n 1 "$tmp/page.txt" | grep -qF "socplan ${version#socplan-cli }"; then
  echo "$page: the footer does not name version ${version#socplan-cli }"
  status=1
fi

LANGUAGE= LC_ALL=C.UTF-8 "$cli" --help >"$tmp/help.txt"
# Commands: the lines "  socplan-cli COMMAND ..." of the summary; each has a
# paragraph of its own under COMMANDS.
commands=$(sed -n 's/^ *socplan-cli \([a-z][a-z-]*\).*/\1/p' "$tmp/help.txt" | sort -u)
[ -n "$commands" ] || { echo "socplan-cli --help lists no commands"; exit 1; }
sed -n '/^COMMANDS/,/^[A-Z]/p' "$tmp/page.txt" >"$tmp/commands.txt"
for c in $commands help; do
  if ! grep -Eq "^       $c( |,|$)" "$tmp/commands.txt"; then
    echo "$page: no paragraph for the command “$c” under COMMANDS"
    status=1
  fi
  if ! sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' "$tmp/page.txt" | grep -q "socplan-cli .*$c"; then
    echo "$page: the command “$c” is not in the SYNOPSIS"
    status=1
  fi
done
# Options: every --long and -x the summary names, and the options of each
# command's own --help.
for c in $commands; do
  LANGUAGE= LC_ALL=C.UTF-8 "$cli" "$c" --help >>"$tmp/help.txt" 2>/dev/null || true
done
options=$(grep -o -- '--[a-z][a-z-]*\|[ ,]-[a-z]\b' "$tmp/help.txt" | tr -d ' ,' | sort -u)
for o in $options; do
  if ! grep -q -- "$o\b" "$tmp/page.txt"; then
    echo "$page: the option “$o” is not described"
    status=1
  fi
done
for section in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" EXAMPLES; do
  grep -q "^$section\$" "$tmp/page.txt" || { echo "$page: no $section section"; status=1; }
done
for code in 0 1 2; do
  sed -n '/^EXIT STATUS/,/^[A-Z]/p' "$tmp/page.txt" | grep -q "^       $code " ||
    { echo "$page: exit status $code is not explained"; status=1; }
done

[ $status -eq 0 ] && echo "$page: renders without warnings; $(echo $commands | wc -w) commands and $(echo $options | wc -w) options described"
exit $status
