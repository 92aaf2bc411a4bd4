#!/usr/bin/env bash
# newsdex set-up on Debian 12: install the packages, build, then run the demo or the tests.
#   ./setup.sh demo   install, build, index corpus/sample, run a faceted search
#   ./setup.sh test   install, build, run the whole test suite, then again under ASan+UBSan
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
          libboost-program-options-dev libsimdjson-dev libarchive-dev libcld2-dev catch2 iso-codes tzdata)

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

[ "$mode" = bench ] && packages+=(default-jdk-headless liblucene8-java libgoogle-gson-java
                                  libsqlite3-dev python3 gnuplot-nox libbenchmark-dev)
install_packages
case "$mode" in
    bench) shift; build "$build_dir" && bench/run.sh "$@" ;;
    demo) build "$build_dir" && demo ;;
    test) build "$build_dir" && run_tests ;;
    build) build "$build_dir" ;;
    *) echo "usage: $0 [demo|test|build]" >&2; exit 2 ;;
esac
