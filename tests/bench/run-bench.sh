#!/bin/sh
# make bench: generates plans of 1k, 10k and 100k objects and prints load and
# save times and peak memory next to xmllint --noout on the same files.
set -eu
build=${1:-build}
out=tests/bench/out
mkdir -p "$out"
gen="$build/tests/bench/gen-plan"

"$gen" --goals 300 --items 500 --stakeholders 200 --seed 1 -o "$out/plan-1k.socplan"
"$gen" --goals 3000 --items 5000 --stakeholders 2000 --seed 1 -o "$out/plan-10k.socplan"
"$gen" --goals 30000 --items 50000 --stakeholders 20000 --seed 1 -o "$out/plan-100k.socplan"

echo "== Load and save (issue 2): medians of 5 runs, each in a fresh process"
"$build/tests/bench/bench-io" --runs 5 "$out/plan-1k.socplan" "$out/plan-10k.socplan" "$out/plan-100k.socplan"

echo "== Checklist (issue 4): full evaluations, median of 20 runs"
"$build/tests/bench/bench-checklist" --runs 20 "$out/plan-1k.socplan" "$out/plan-10k.socplan" "$out/plan-100k.socplan"
