#!/usr/bin/env bash
# @file run.sh
# @brief One command: newsdex, Lucene and SQLite FTS5 on the same corpus and queries, one table.
#
#   bench/run.sh                  Reuters-21578 x1 and x10
#   bench/run.sh --x50            x1, x10 and x50
#   bench/run.sh --scales 1       x1 only (a few minutes; for trying things out)
#
# Options: --scales "1 10"   corpus scale factors (synthetic copies, see bench/README.md)
#          --x50             add scale 50
#          --engines "newsdex lucene fts5"
#          --index-repeat N  builds per engine to take the median of (default: 3 at x1, 1 above)
#          --repeat N        timed passes over the query workload (default 10, so that a
#                            class's p99 is about its 4th slowest of 300-400 samples, not the
#                            slowest of 90-120, which one hiccup of the machine decides)
#          --fts5-repeat N   the same for FTS5 (default 3: its x50 passes take ~1 min each)
#          --warmup N        untimed passes first (default 20 at x1, 5 above where each pass is
#                            longer; the JVM compiles hot paths only after thousands of calls)
# Raw JSON, the table and a plot go to build-bench/bench-results/<date>/ (not committed).
# Needs: cmake, g++, libxapian-dev, libsqlite3-dev, libsimdjson-dev, default-jdk-headless,
#        liblucene8-java, libgoogle-gson-java, python3; gnuplot-nox for the plot.
set -euo pipefail
cd "$(dirname "$0")/.."

scales="1 10"
engines="newsdex lucene fts5"
index_repeat=""
repeat=10
fts5_repeat=3
warmup=""
while [ $# -gt 0 ]; do
    case "$1" in
        --scales) scales=$2; shift 2 ;;
        --x50) scales="$scales 50"; shift ;;
        --engines) engines=$2; shift 2 ;;
        --index-repeat) index_repeat=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --fts5-repeat) fts5_repeat=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

corpus=../shared/corpus/reuters21578
queries_dir=../shared/bench
build=build-bench
data=$build/bench-data
results=$build/bench-results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$data" "$results"
log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

log "building newsdex-bench and fts5-bench in $build"
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target newsdex-bench fts5-bench -j"$(nproc)" >/dev/null
bench=$build/bench/newsdex-bench
fts5=$build/bench/peers/fts5/fts5-bench
lucene_cp=""
case " $engines " in *" lucene "*) lucene_cp=$(bench/peers/lucene/build.sh "$build/lucene") ;; esac
# A fixed heap, large enough for a 256 MB indexing buffer at x50; RSS is reported as measured.
java_run() { java -Xms512m -Xmx3g -cp "$lucene_cp" LuceneBench "$@"; }

# What the machine was doing: the figures only mean something next to this.
{
    echo "{\"date\": \"$(date -u +%FT%TZ)\", \"host\": \"$(uname -srm)\", \"cpus\": $(nproc),"
    echo " \"cpu\": \"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)\","
    echo " \"mem_gb\": $(awk '/MemTotal/ {printf "%.1f", $2/1048576}' /proc/meminfo),"
    echo " \"load_before\": \"$(cut -d' ' -f1-3 /proc/loadavg)\","
    echo " \"xapian\": \"$(xapian-config --version 2>/dev/null | awk '{print $NF}')\","
    echo " \"sqlite\": \"$(sqlite3 --version 2>/dev/null | cut -d' ' -f1)\","
    echo " \"lucene\": \"$(dpkg-query -W -f='${Version}' liblucene8-java 2>/dev/null)\","
    echo " \"java\": \"$(java -version 2>&1 | head -1 | cut -d'"' -f2)\","
    echo " \"scales\": \"$scales\", \"repeat\": $repeat, \"fts5_repeat\": $fts5_repeat, \"warmup\": \"${warmup:-20 at x1, 5 above}\"}"
} > "$results/machine.json"

for scale in $scales; do
    input=$data/reuters-x$scale.jsonl
    if [ ! -s "$input" ] || [ "$bench" -nt "$input" ]; then
        log "x$scale: exporting $corpus"
        "$bench" export --scale "$scale" --out "$input" "$corpus"
    fi
    case $scale in
        1) queries=$queries_dir/queries-reuters.jsonl ;;
        10) queries=$queries_dir/queries-reuters-x10.jsonl ;;
        *) queries=$data/queries-reuters-x$scale.jsonl
           python3 bench/scale_queries.py "$scale" "$queries_dir/queries-reuters.jsonl" "$queries" ;;
    esac
    n=${index_repeat:-$([ "$scale" = 1 ] && echo 3 || echo 1)}
    w=${warmup:-$([ "$scale" = 1 ] && echo 20 || echo 5)}
    for engine in $engines; do
        index=$data/$engine-x$scale
        out=$results/$engine-x$scale
        log "x$scale $engine: index ($n build(s))"
        case $engine in
            newsdex) "$bench" index --json --repeat "$n" --index "$index" "$input" > "$out-index.json" ;;
            lucene) java_run index --json --repeat "$n" --index "$index" "$input" > "$out-index.json" ;;
            fts5) "$fts5" index --json --repeat "$n" --index "$index" "$input" > "$out-index.json" ;;
            *) echo "run.sh: unknown engine $engine" >&2; exit 2 ;;
        esac
        r=$([ "$engine" = fts5 ] && echo "$fts5_repeat" || echo "$repeat")
        log "x$scale $engine: queries ($w warm-up + $r timed passes of $(wc -l < "$queries"))"
        args=(--json --repeat "$r" --warmup "$w" --index "$index" --queries "$queries")
        case $engine in
            newsdex) "$bench" queries "${args[@]}" > "$out-queries.json" ;;
            lucene) java_run queries "${args[@]}" > "$out-queries.json" ;;
            fts5) "$fts5" queries "${args[@]}" > "$out-queries.json" ;;
        esac
    done
done

sed -i "s|}\$|, \"load_after\": \"$(cut -d' ' -f1-3 /proc/loadavg)\"}|" "$results/machine.json"
python3 bench/report.py "$results" | tee "$results/table.txt"
log "raw results, table and plot in $results"
