#!/usr/bin/env bash
# newsdex set-up on Debian 12: install the packages, build, then run the demo or the tests.
#   ./setup.sh demo   install, build, index corpus/sample, run a faceted search
#   ./setup.sh test   install, build, run the whole test suite, then again under ASan+UBSan,
#                     then a short run of every fuzz target
#   ./setup.sh fuzz [SECONDS]
#                     build the libFuzzer targets with clang-14, run each for SECONDS (10)
#   ./setup.sh build  install and build only
#   ./setup.sh bench [--scales 1,10 | --x50]
#                     install the peers too (Lucene, SQLite FTS5), run bench/run.sh
# Needs root (or sudo) only when packages are missing.
set -euo pipefail
cd "$(dirname "$0")"

mode=${1:-demo}
build_dir=${NEWSDEX_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)

packages=(build-essential cmake ccache pkg-config libxapian-dev xapian-tools libstemmer-dev
          libboost-program-options-dev libsimdjson-dev libarchive-dev libcld2-dev libzstd-dev
          catch2 iso-codes tzdata)

install_packages() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {  # build DIR [extra cmake args]
    local dir=$1
    shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
    cmake --build "$dir" -j"$jobs"
}

demo() {
    local index="$build_dir/demo-index"
    rm -rf "$index"
    "$build_dir/indexer/newsdex-index" --index "$index" corpus/sample
    echo
    echo '$ newsdex-search -d' "$index" '--facets source,date,entity "interest rates"'
    "$build_dir/searcher/newsdex-search" --index "$index" --limit 3 --facets source,date,entity \
        "interest rates"
}

run_tests() {
    ctest --test-dir "$build_dir" --output-on-failure -j2
    # The same suites again under AddressSanitizer + UndefinedBehaviorSanitizer: any report
    # fails the run (-fno-sanitize-recover=all).
    build "$build_dir-sanitize" -DNEWSDEX_SANITIZE=ON -DNEWSDEX_BUILD_BENCH=OFF
    ctest --test-dir "$build_dir-sanitize" --output-on-failure -j2
}

# Runs every libFuzzer target (tests/fuzz) for `seconds` from its seeds and saved crashers; new
# inputs go to a scratch corpus, so the checked-in seeds stay as they are. Any crash, leak or
# input slower than 10 s fails the run; the input is kept in $dir/fuzz-artifacts to be added
# to tests/fuzz/regressions/<target>/.
fuzz() {  # fuzz [seconds per target]
    local seconds=${1:-10}
    local dir="$build_dir-fuzz"
    build "$dir" -DCMAKE_CXX_COMPILER=clang++-14 -DNEWSDEX_FUZZ=ON -DNEWSDEX_BUILD_TESTS=OFF \
          -DNEWSDEX_BUILD_BENCH=OFF || return 1
    local failed=() program target scratch inputs log
    mkdir -p "$dir/fuzz-artifacts"
    for program in "$dir"/tests/fuzz/fuzz_*; do
        target=${program##*/fuzz_}
        scratch=$(mktemp -d)
        inputs=(tests/fuzz/seeds/"$target")
        [ -d tests/fuzz/regressions/"$target" ] && inputs+=(tests/fuzz/regressions/"$target")
        echo "fuzz: $target for ${seconds}s"
        log="$dir/fuzz-artifacts/$target.log"
        if ! "$program" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
                -print_final_stats=1 -artifact_prefix="$dir/fuzz-artifacts/$target-" \
                "$scratch" "${inputs[@]}" 2>"$log"; then
            failed+=("$target")
            tail -n 40 "$log" >&2
        fi
        grep -E '^stat::number_of_executed_units' "$log" || true
        rm -rf "$scratch"
    done
    if [ ${#failed[@]} -gt 0 ]; then
        echo "fuzz: ${failed[*]} failed; see $dir/fuzz-artifacts" >&2
        return 1
    fi
}

case "$mode" in fuzz | test) packages+=(clang-14 libclang-rt-14-dev) ;; esac
[ "$mode" = bench ] && packages+=(default-jdk-headless liblucene8-java libgoogle-gson-java
                                  libsqlite3-dev python3 gnuplot-nox libbenchmark-dev)
install_packages
case "$mode" in
    bench) shift; build "$build_dir" && bench/run.sh "$@" ;;
    demo) build "$build_dir" && demo ;;
    test) build "$build_dir" && run_tests && fuzz 10 ;;
    fuzz) shift; fuzz "$@" ;;
    build) build "$build_dir" ;;
    *) echo "usage: $0 [demo|test|build|fuzz [SECONDS]|bench]" >&2; exit 2 ;;
esac
