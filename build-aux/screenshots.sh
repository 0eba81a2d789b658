#!/bin/sh
# screenshots.sh [BUILD_DIR] [OUT_DIR]: takes the screenshots that the
# metainfo and the README show (data/screenshots/socplan-*.png) from the
# real application on the example plan, under a virtual display of its own.
# Set LANGUAGE (with LANG) to take them in another language.
#
# Needs xvfb-run, xdotool and ImageMagick's import, and a build (make build).
set -eu
build=${1:-build}
out=${2:-data/screenshots}

if [ -z "${SOC_SCREENSHOTS_INNER:-}" ]; then
  export SOC_SCREENSHOTS_INNER=1
  exec xvfb-run -a -s "-screen 0 1600x1000x24 -nolisten tcp" sh "$0" "$build" "$out"
fi

mkdir -p "$out"
home=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$home"' EXIT

# A window of a size that shows every pane, through a settings file of our own.
mkdir -p "$home/config/glib-2.0/settings"
cat >"$home/config/glib-2.0/settings/keyfile" <<EOF
[io/github/socplan/Socplan]
window-width=1400
window-height=860
EOF
export XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" GSETTINGS_BACKEND=keyfile \
       GSETTINGS_SCHEMA_DIR="$build/data" SOCPLAN_LOCALEDIR="$build/po" GSK_RENDERER=cairo GDK_BACKEND=x11 \
       NO_AT_BRIDGE=1

"$build/app/gtk/socplan" data/examples/northwind-connected.socplan &
pid=$!
wid=
for _ in $(seq 1 100); do
  wid=$(xdotool search --onlyvisible --name 'Northwind' 2>/dev/null | head -n 1 || true)
  [ -n "$wid" ] && break
  sleep 0.2
done
[ -n "$wid" ] || { echo "screenshots: the window did not show" >&2; exit 1; }
sleep 2
xdotool windowfocus "$wid" 2>/dev/null || true

shot() {
  # The pointer out of the way, so that nothing is hovered.
  xdotool mousemove 1599 999
  sleep 1.5
  import -window "$wid" "$out/socplan-$1.png"
  echo "$out/socplan-$1.png"
}

# The goal tree with a metric in the inspector (the keyboard starts in the plan).
xdotool key --window "$wid" alt+1 Down Down Down
shot goals
xdotool key --window "$wid" alt+2
shot roadmap
xdotool key --window "$wid" alt+3 Down
shot stakeholders
