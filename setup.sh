#!/usr/bin/env bash
# newsdex set-up on Debian 12: install the packages, build, then run the demo or the tests.
#   ./setup.sh demo   install, build the programs, index corpus/sample, run a faceted search
#   ./setup.sh test   install, build everything, run the whole test suite, then again under
#                     ASan+UBSan, then a short run of every fuzz target
#   ./setup.sh test --quick
#                     install, build everything once, run the unit, cli, shared, browser and
#                     checks suites and one fuzz target (what .ci/fresh-check runs on a minimal
#                     Debian 12 root)
#   ./setup.sh fuzz [SECONDS [TARGET...]]
#                     build the libFuzzer targets with clang-14, run each for SECONDS (10)
#   ./setup.sh build  install and build the programs only
#   ./setup.sh package
#                     build the programs and a .deb of them (build/newsdex_VERSION_ARCH.deb)
#   ./setup.sh bench [--scales 1,10 | --x50]
#                     install the peers too (Lucene, SQLite FTS5), run bench/run.sh
# Needs root (or sudo) only when packages are missing. Stops at the first step that fails and
# names it.
set -euo pipefail
cd "$(dirname "$0")"

# ccache (when installed) shares its entries between clones of the project wherever they are:
# paths under the checkout are hashed relative to it, and the build folder's path not at all.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-true}

mode=${1:-demo}
[ $# -gt 0 ] && shift
build_dir=${NEWSDEX_BUILD_DIR:-build}
jobs=$(nproc 2>/dev/null || echo 2)

# What each mode needs from Debian 12, by who uses it. .ci/fresh-check proves these lists on a
# minimal root (debootstrap --variant=minbase), where nothing else is installed.
# The build: compilers, cmake (ccache only speeds up rebuilds), and every find_package and
# find_path of cmake/NewsdexDependencies.cmake; iso-codes and tzdata are read at run time.
build_packages=(build-essential cmake ccache libxapian-dev libstemmer-dev libcpp-httplib-dev
                libboost-program-options-dev libsimdjson-dev libarchive-dev libcld2-dev
                libzstd-dev iso-codes tzdata)
# The tests: Catch2 and zlib (tests/CMakeLists.txt), xapian-check and xapian-progsrv (run by
# the reliability and integration suites), clang-14 with libFuzzer's runtime (tests/fuzz),
# clang-format (.ci/check-format, a ctest test of label checks), headless Chromium and its
# WebDriver (tests/browser: the search page in a real browser).
test_packages=(catch2 zlib1g-dev xapian-tools clang-14 libclang-rt-14-dev clang-format
               chromium chromium-driver)
# The benchmarks: the Lucene and SQLite FTS5 peers, Google Benchmark for the micro benchmarks,
# python3 for the workload and the report, gnuplot for the plots (bench/run.sh), wrk for
# the server's load (bench/serve.sh).
bench_packages=(default-jdk-headless liblucene8-java libgoogle-gson-java libsqlite3-dev sqlite3
                libbenchmark-dev python3 gnuplot-nox wrk)

# The package (./setup.sh package): CPack's deb generator runs `file` and dpkg-shlibdeps
# (dpkg-dev, which build-essential brings) to find the libraries' Debian packages.
package_packages=(file dpkg-dev)

# The step under way, named by the exit trap when the script stops on a failure.
step=""
report_failure() {
    local status=$?
    if [ "$status" -ne 0 ] && [ -n "$step" ]; then
        echo "setup: failed at step '$step' (exit $status); the output above says why" >&2
    fi
}
trap report_failure EXIT

install_packages() {  # install_packages PACKAGE...
    step="install packages"
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}"
}

# Every option that differs between modes is given each time, so that one build folder serves
# demo and test in turn.
configure() {  # configure DIR [cmake args]
    step="configure $1"
    local dir=$1
    shift
    cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}

compile() {  # compile DIR [TARGET...]
    step="build $1"
    local dir=$1 targets=()
    shift
    [ $# -gt 0 ] && targets=(--target "$@")
    cmake --build "$dir" -j"$jobs" "${targets[@]}"
}

build_programs() {
    configure "$build_dir" -DNEWSDEX_BUILD_TESTS=OFF -DNEWSDEX_BUILD_BENCH=OFF
    compile "$build_dir" newsdex-index newsdex-search newsdex-serve
}

# The .deb of the programs, man pages, completion and docs (packaging/CMakeLists.txt); its
# path is the last line printed.
package() {
    build_programs
    step="package"
    rm -f "$build_dir"/newsdex_*.deb  # the one left is the one just made
    (cd "$build_dir" && cpack -G DEB > cpack.log) || { cat "$build_dir/cpack.log" >&2; return 1; }
    realpath "$build_dir"/newsdex_*.deb
}

build_everything() {
    configure "$build_dir" -DNEWSDEX_BUILD_TESTS=ON -DNEWSDEX_BUILD_BENCH=ON
    compile "$build_dir"
}

demo() {
    step="demo"
    local index="$build_dir/demo-index"
    rm -rf "$index"
    "$build_dir/indexer/newsdex-index" --index "$index" corpus/sample
    echo
    echo '$ newsdex-search -d' "$index" '--facets source,date,entity "interest rates"'
    "$build_dir/searcher/newsdex-search" --index "$index" --limit 3 --facets source,date,entity \
        "interest rates"
    echo
    echo "To search it in a browser: $build_dir/searcher/server/newsdex-serve -d $index"
    echo "then open http://127.0.0.1:8080/ (Ctrl-C stops the server)."
}

run_suites() {  # run_suites DIR [ctest label regex]
    step="tests in $1"
    local label=()
    [ $# -gt 1 ] && label=(-L "$2")
    ctest --test-dir "$1" --output-on-failure -j2 "${label[@]}"
}

# Runs libFuzzer targets (tests/fuzz; all of them unless named) for `seconds` from their seeds
# and saved crashers; new inputs go to a scratch corpus, so the checked-in seeds stay as they
# are. Any crash, leak or input slower than 10 s fails the run; the input is kept in
# $dir/fuzz-artifacts to be added to tests/fuzz/regressions/<target>/.
fuzz() {  # fuzz [seconds per target [TARGET...]]
    local seconds=${1:-10}
    [ $# -gt 0 ] && shift
    local dir="$build_dir-fuzz" programs=() target
    configure "$dir" -DCMAKE_CXX_COMPILER=clang++-14 -DNEWSDEX_FUZZ=ON -DNEWSDEX_BUILD_TESTS=OFF \
              -DNEWSDEX_BUILD_BENCH=OFF
    if [ $# -gt 0 ]; then
        for target in "$@"; do programs+=("fuzz_$target"); done
        compile "$dir" "${programs[@]}"
        programs=("${programs[@]/#/$dir/tests/fuzz/}")
    else
        compile "$dir"
        programs=("$dir"/tests/fuzz/fuzz_*)
    fi
    step="fuzz"
    local failed=() program scratch inputs log
    mkdir -p "$dir/fuzz-artifacts"
    for program in "${programs[@]}"; do
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

usage() {
    echo "usage: $0 [demo | test [--quick] | build | package | fuzz [SECONDS [TARGET...]] |" \
         "bench [ARGS]]" >&2
    exit 2
}

case "$mode" in
    demo)
        install_packages "${build_packages[@]}"
        build_programs
        demo
        ;;
    build)
        install_packages "${build_packages[@]}"
        build_programs
        ;;
    package)
        install_packages "${build_packages[@]}" "${package_packages[@]}"
        package
        ;;
    test)
        quick=false
        case "${1:-}" in
            --quick) quick=true ;;
            "") ;;
            *) usage ;;
        esac
        install_packages "${build_packages[@]}" "${test_packages[@]}"
        build_everything
        if $quick; then
            run_suites "$build_dir" 'unit|cli|shared|checks|browser'
            fuzz 1 format
        else
            run_suites "$build_dir"
            # The same suites again under AddressSanitizer + UndefinedBehaviorSanitizer: any
            # report fails the run (-fno-sanitize-recover=all).
            configure "$build_dir-sanitize" -DNEWSDEX_SANITIZE=ON -DNEWSDEX_BUILD_TESTS=ON \
                      -DNEWSDEX_BUILD_BENCH=OFF
            compile "$build_dir-sanitize"
            run_suites "$build_dir-sanitize"
            fuzz 10
        fi
        ;;
    fuzz)
        install_packages "${build_packages[@]}" "${test_packages[@]}"
        fuzz "$@"
        ;;
    bench)
        # bench/run.sh configures its own build-bench/ with the tests on, so it needs their
        # packages too.
        install_packages "${build_packages[@]}" "${test_packages[@]}" "${bench_packages[@]}"
        build_everything
        step="bench"
        bench/run.sh "$@"
        ;;
    *) usage ;;
esac
step=""
