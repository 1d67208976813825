#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang and runs each for a while on a corpus seeded with
# the project's fixture postings. Usage: fuzz/run.sh BUILD_DIR [SECONDS_PER_HARNESS] [JOBS]
# Exits 77 (ctest: skipped) when clang or its fuzzer runtime is missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="$(mkdir -p "${1:?usage: fuzz/run.sh BUILD_DIR [SECONDS] [JOBS]}" && cd "$1" && pwd)"
seconds="${2:-5}"
jobs="${3:-1}"
cxx="$(command -v clang++ || command -v clang++-14 || true)"
if [[ -z "$cxx" ]]; then
  echo "clang++ is not installed (scripts/setup.sh --test installs it): fuzzing skipped"
  exit 77
fi
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char*, unsigned long){return 0;}' |
    "$cxx" -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  echo "clang's libFuzzer runtime is missing (libclang-rt-14-dev): fuzzing skipped"
  exit 77
fi
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"${JOBFIT_FUZZ_BUILD_JOBS:-2}"

fixtures="$here/../tests/fixtures/postings/labelled"
seed() {  # seed DIR FILES...: copies the fixture files into a corpus directory
  local dir="$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/"; done
}
corpus="$build/corpus"
seed "$corpus/html" "$fixtures"/html/*.html
seed "$corpus/pay" "$fixtures"/text/*.txt
seed "$corpus/boards" "$fixtures"/greenhouse.json "$fixtures"/lever.json "$fixtures"/ashby.json
seed "$corpus/tabular" "$fixtures"/postings.csv "$fixtures"/postings.jsonl
seed "$corpus/calendar" "$here"/../tests/fixtures/calendar/*.ics

parallel=()
if ((jobs > 1)); then parallel=(-jobs="$jobs" -workers="$jobs"); fi
cd "$build"  # libFuzzer writes its job logs into the working directory
status=0
for harness in html boards tabular pay calendar; do
  echo "== fuzz_$harness for ${seconds}s"
  if ! "$build/fuzz_$harness" -max_total_time="$seconds" -max_len=65536 "${parallel[@]}" \
      -artifact_prefix="$build/crash-$harness-" -print_final_stats=1 "$corpus/$harness" 2>"$build/fuzz_$harness.log"; then
    echo "fuzz_$harness found a failure: see $build/fuzz_$harness.log and $build/crash-$harness-*"
    tail -40 "$build/fuzz_$harness.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz_$harness.log" || true
  fi
done
exit $status
