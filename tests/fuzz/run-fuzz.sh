#!/bin/sh
# make fuzz: runs each libFuzzer target for FUZZ_SECONDS (default 60), seeded
# with the fixtures, the example and the hostile corpus (the reader) and the
# spreadsheet files (the CSV import). Crashes and timeouts are written to
# fuzz-out/; turn each into a regression file in tests/data/.
set -eu
build=${1:-build-fuzz}
seconds=${FUZZ_SECONDS:-60}
mkdir -p fuzz-out/corpus-reader fuzz-out/corpus-csv fuzz-out/artifacts

corpus=fuzz-out/corpus-reader
cp -n tests/data/fixtures/*.socplan tests/data/hostile/*.socplan data/examples/*.socplan "$corpus"/ 2>/dev/null || true
ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/fuzz-reader" -dict=tests/fuzz/socplan.dict \
  -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=1048576 \
  -artifact_prefix=fuzz-out/artifacts/ -print_final_stats=1 "$corpus"

corpus=fuzz-out/corpus-csv
cp -n tests/data/csv/*.csv "$corpus"/ 2>/dev/null || true
ASAN_OPTIONS=detect_leaks=1 "$build/tests/fuzz/fuzz-csv" -dict=tests/fuzz/csv.dict \
  -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix=fuzz-out/artifacts/csv- -print_final_stats=1 "$corpus"
