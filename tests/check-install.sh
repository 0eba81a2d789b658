#!/bin/sh
# check-install.sh BUILD_ROOT EXAMPLE: meson install puts everything where it
# belongs, and a .socplan file maps to the application once the MIME and
# desktop databases are updated (issue 14). Installs into a folder of its own.
set -eu
build=$1
example=$2
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT

meson install -C "$build" --no-rebuild --destdir "$dest" >"$dest/install.log" 2>&1 || {
  cat "$dest/install.log"
  exit 1
}
prefix=$(meson introspect "$build" --buildoptions |
         python3 -c 'import json, sys; print([o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"][0])')
root="$dest$prefix"
share="$root/share"
status=0

for f in bin/socplan bin/socplan-cli \
         share/applications/io.github.socplan.Socplan.desktop \
         share/metainfo/io.github.socplan.Socplan.metainfo.xml \
         share/mime/packages/io.github.socplan.Socplan.xml \
         share/icons/hicolor/scalable/apps/io.github.socplan.Socplan.svg \
         share/icons/hicolor/symbolic/apps/io.github.socplan.Socplan-symbolic.svg \
         share/icons/hicolor/scalable/mimetypes/io.github.socplan.Socplan-document.svg \
         share/glib-2.0/schemas/io.github.socplan.Socplan.gschema.xml \
         share/socplan/socplan.rng \
         share/man/man1/socplan-cli.1 \
         share/locale/de/LC_MESSAGES/socplan.mo; do
  if [ ! -e "$root/$f" ]; then
    echo "not installed: $prefix/$f"
    status=1
  fi
done
# The installed command draws with its drawing module, found from its own
# folder (here under a DESTDIR, not where it was built for).
if ! "$root/bin/socplan-cli" export "$example" -o "$dest/roadmap.pdf" >"$dest/export.log" 2>&1 ||
   [ "$(head -c 5 "$dest/roadmap.pdf" 2>/dev/null)" != "%PDF-" ]; then
  echo "the installed socplan-cli does not draw a PDF:"
  cat "$dest/export.log"
  status=1
fi
# The manual page is found by man through MANPATH, and renders.
if [ -e "$share/man/man1/socplan-cli.1" ] &&
   ! MANPATH="$share/man" LC_ALL=C.UTF-8 man socplan-cli 2>&1 | grep -Eq "socplan-cli +- +check"; then
  echo "man socplan-cli does not find the installed page under $prefix/share/man"
  status=1
fi
# The screenshots the software centre shows are in this tree, at the size
# the metainfo gives.
src=$(cd "$(dirname "$example")/../.." && pwd)
python3 - "$share/metainfo/io.github.socplan.Socplan.metainfo.xml" "$src" <<'PY' || status=1
import re, struct, sys
metainfo, src = sys.argv[1], sys.argv[2]
text = open(metainfo, encoding="utf-8").read()
shots = re.findall(r'<image type="source" width="(\d+)" height="(\d+)">'
                   r'https://raw\.githubusercontent\.com/socplan/socplan/main/([^<]+)</image>', text)
problems = [] if shots else ["the metainfo names no screenshots in this repository"]
for width, height, path in shots:
    try:
        with open(f"{src}/{path}", "rb") as f:
            head = f.read(24)
    except OSError:
        problems.append(f"{path}: the metainfo shows it, but it is not in the tree")
        continue
    w, h = struct.unpack(">II", head[16:24])
    if head[:8] != b"\x89PNG\r\n\x1a\n" or (w, h) != (int(width), int(height)):
        problems.append(f"{path}: {w}x{h}, not the {width}x{height} PNG the metainfo says")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
# The launcher, the software centre's entry and the file type speak German.
grep -q '^Comment\[de\]=' "$share/applications/io.github.socplan.Socplan.desktop" ||
  { echo "the desktop file has no German comment"; status=1; }
grep -q 'xml:lang="de"' "$share/metainfo/io.github.socplan.Socplan.metainfo.xml" ||
  { echo "the metainfo has no German text"; status=1; }
grep -q '<comment xml:lang="de">' "$share/mime/packages/io.github.socplan.Socplan.xml" ||
  { echo "the MIME type has no German name"; status=1; }

update-mime-database "$share/mime"
update-desktop-database "$share/applications"
cp "$example" "$dest/plan.socplan"

# GIO reads the databases of XDG_DATA_DIRS, and nothing of this machine's;
# it lists only applications whose program it finds.
export XDG_DATA_DIRS="$share" XDG_DATA_HOME="$dest/home/data" XDG_CONFIG_HOME="$dest/home/config" PATH="$root/bin:$PATH"
type=$(gio info -a standard::content-type "$dest/plan.socplan" | sed -n 's/^ *standard::content-type: //p')
if [ "$type" != "application/x-socplan" ]; then
  echo "a .socplan file is “$type”, not application/x-socplan"
  status=1
fi
if ! gio mime application/x-socplan | grep -q "io.github.socplan.Socplan.desktop"; then
  echo "application/x-socplan does not open in Socplan:"
  gio mime application/x-socplan
  status=1
fi
[ $status -eq 0 ] && echo "installed into $prefix: a .socplan file is $type and opens in io.github.socplan.Socplan.desktop"
exit $status
