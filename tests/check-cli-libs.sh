#!/bin/sh
# check-cli-libs.sh SOCPLAN-CLI DRAW-MODULE: the command line links no GTK
# (DESIGN.md's layers) and, since its drawing is a module of its own, none
# of the libraries that draw either: a command that draws nothing (validate,
# check, diff, merge, run by git once per file) starts without mapping them.
# The module is what links cairo and Pango.
set -eu
cli=$1
module=$2
status=0
drawing='libgtk|libadwaita|libcairo|libpango|libharfbuzz|libfontconfig|libfreetype|libX11|libxcb'

needed=$(readelf -d "$cli" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
bad=$(echo "$needed" | grep -E "^($drawing)" || true)
if [ -n "$bad" ]; then
  echo "socplan-cli links what only drawing needs:"
  echo "$bad"
  status=1
fi
if ! readelf -d "$module" | grep -q 'NEEDED.*libcairo'; then
  echo "the drawing module does not link cairo: is it the module?"
  status=1
fi
exit $status
