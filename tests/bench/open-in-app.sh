#!/bin/sh
# open-in-app.sh BUILD FILE...: how long the application takes, from its
# start, to show each plan (SOC_TIME_TO_IDLE) or to show the dialog that
# refuses it. Run under a display (make bench runs it under Xvfb); the
# floor (issue 13) is 2 s for a 100,000-deep goal tree and a 100,000-long
# dependency chain. Beside the wall time, the CPU time the application has
# used by then: on a busy machine, the figure that does not wait for others.
set -eu
ticks=$(getconf CLK_TCK)
cpu_ms() {
  # utime and stime, fields 14 and 15 of /proc/PID/stat (after the name in parentheses)
  sed 's/^.*) //' "/proc/$1/stat" | awk -v t="$ticks" '{ printf "%d", ($12 + $13) * 1000 / t }'
}
build=$1
shift
log=$(mktemp)
data=$(mktemp -d)
trap 'rm -rf "$log" "$data"' EXIT
printf '   %-28s %-52s %s\n' "file" "opened (wall time from the start)" "CPU ms"
for file in "$@"; do
  start=$(date +%s%N)
  SOC_TIME_TO_IDLE=1 GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build/data" XDG_DATA_HOME="$data" \
    GSK_RENDERER=cairo "$build/app/gtk/socplan" "$file" > "$log" 2>&1 &
  app=$!
  result="no window after 60 s"
  cpu=""
  while kill -0 "$app" 2>/dev/null; do
    if grep -q "idle with the plan shown" "$log"; then
      result="shown after $(sed -n 's/.*shown after \([0-9]*\) ms.*/\1/p' "$log") ms"
      cpu=$(cpu_ms "$app")
      break
    fi
    if xdotool search --name "Could Not Be Opened" > /dev/null 2>&1; then
      result="refused after $(( ($(date +%s%N) - start) / 1000000 )) ms (its error dialog shown)"
      cpu=$(cpu_ms "$app")
      break
    fi
    if [ $(( ($(date +%s%N) - start) / 1000000000 )) -ge 60 ]; then
      break
    fi
    sleep 0.02
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  printf '   %-28s %-52s %s\n' "$(basename "$file")" "$result" "$cpu"
done
