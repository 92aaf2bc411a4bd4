#!/usr/bin/env bash
# @file serve.sh
# @brief newsdex-serve under load: the bench workload over HTTP with wrk at 1, 8 and 64
# connections, beside the same searches through newsdex-search (one process per search), and
# a run with the index rebuilt under the load.
#
#   bench/serve.sh                    Reuters-21578 x1
#   bench/serve.sh --scales "1 10"    x1 and x10
#
# Options: --scales LIST       corpus scales (x10: each story ten times, bench/README.md)
#          --seconds N         length of each wrk run (default 10)
#          --connections LIST  concurrent connections (default "1 8 64")
#          --threads N         newsdex-serve's searchers (default: the cores)
#          --cli-searches N    newsdex-search runs timed for the CLI column (default 200)
# Needs the programs built in build/ (NEWSDEX_BUILD_DIR), wrk and python3; the server and
# wrk share the machine, and listen and connect on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

scales="1"
seconds=10
connections="1 8 64"
threads=$(nproc)
cli_searches=200
while [ $# -gt 0 ]; do
    case "$1" in
        --scales) scales=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --cli-searches) cli_searches=$2; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "serve.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
build=${NEWSDEX_BUILD_DIR:-build}
for program in indexer/newsdex-index searcher/newsdex-search searcher/server/newsdex-serve \
               bench/newsdex-bench; do
    [ -x "$build/$program" ] || { echo "serve.sh: $build/$program is missing (build first)" >&2; exit 1; }
done
command -v wrk > /dev/null || { echo "serve.sh: needs wrk (apt install wrk)" >&2; exit 1; }
corpus=../shared/corpus/reuters21578
work=$build/serve-bench
mkdir -p "$work"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; true' EXIT

start_server() {  # start_server INDEX: sets server (pid) and port
    "$build/searcher/server/newsdex-serve" -d "$1" --listen 127.0.0.1:0 --threads "$threads" \
        > "$work/serve.out" 2>&1 &
    server=$!
    port=""
    for _ in $(seq 100); do
        port=$(grep -o '127.0.0.1:[0-9]*' "$work/serve.out" | cut -d: -f2 || true)
        [ -n "$port" ] && return 0
        sleep 0.1
    done
    echo "serve.sh: newsdex-serve did not start: $(cat "$work/serve.out")" >&2
    exit 1
}

stop_server() {
    kill -TERM "$server"
    wait "$server" || true
    server=""
}

# wrk's summary as "requests/s p50_ms p99_ms errors" (errors: non-2xx answers, socket errors).
run_wrk() {  # run_wrk CONNECTIONS SECONDS
    local c=$1 t=$(( $1 < 2 ? 1 : 2 ))
    NEWSDEX_WRK_PATHS=$work/paths.txt wrk -t"$t" -c"$c" -d"$2s" --latency \
        -s bench/wrk_paths.lua "http://127.0.0.1:$port" > "$work/wrk-$c.txt"
    python3 - "$work/wrk-$c.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s+" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
errors = (int(bad.group(1)) if bad else 0) + (sum(map(int, socket.groups())) if socket else 0)
print(f"{rate:.0f} {ms('50'):.2f} {ms('99'):.2f} {errors}")
PY
}

# newsdex-search once per search, as a script without the server would: p50 and p99 ms.
run_cli() {  # run_cli INDEX
    python3 - "$build/searcher/newsdex-search" "$1" "$work/cli.txt" "$cli_searches" <<'PY'
import json, subprocess, sys, time
program, index, requests, count = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
lines = [json.loads(l) for l in open(requests)]
times = []
for i in range(count):
    args = lines[i % len(lines)]
    start = time.perf_counter()
    subprocess.run([program, "-d", index, "--json"] + args, check=True, stdout=subprocess.DEVNULL)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
rank = lambda p: times[min(len(times) - 1, max(0, round(p * len(times)) - 1))]
print(f"{1000 / (sum(times) / len(times)):.0f} {rank(0.5):.2f} {rank(0.99):.2f} 0")
PY
}

echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
echo "server: --threads $threads; wrk: ${seconds} s per run after a 3 s warm-up, 2 threads"
printf '%-5s %-26s %10s %9s %9s %7s\n' scale client "requests/s" "p50 ms" "p99 ms" errors
for scale in $scales; do
    index=$work/reuters-x$scale
    queries=../shared/bench/queries-reuters.jsonl
    [ "$scale" -gt 1 ] && [ -f ../shared/bench/queries-reuters-x$scale.jsonl ] &&
        queries=../shared/bench/queries-reuters-x$scale.jsonl
    input=$work/reuters-x$scale.jsonl
    if [ ! -d "$index" ]; then
        "$build/bench/newsdex-bench" export --scale "$scale" --out "$input" "$corpus" > /dev/null
        # Built beside, then renamed: a run stopped half-way leaves no index to be reused.
        # Exit 3: a record was skipped (Reuters NEWID 12793 has neither title nor body).
        rm -rf "$index.new"
        "$build/indexer/newsdex-index" -q -d "$index.new" "$input" || [ $? -eq 3 ]
        mv "$index.new" "$index"
    fi
    python3 bench/workload_paths.py "$queries" > "$work/paths.txt"
    python3 bench/workload_paths.py --cli "$queries" > "$work/cli.txt"
    start_server "$index"
    NEWSDEX_WRK_PATHS=$work/paths.txt wrk -t2 -c8 -d3s -s bench/wrk_paths.lua \
        "http://127.0.0.1:$port" > /dev/null
    for c in $connections; do
        read -r rate p50 p99 errors < <(run_wrk "$c" "$seconds")
        printf '%-5s %-26s %10s %9s %9s %7s\n' "x$scale" "HTTP, $c connections" "$rate" "$p50" \
            "$p99" "$errors"
    done
    # The whole corpus indexed again into the served index while 8 connections ask: every
    # batch commit is a new revision the server moves to.
    "$build/indexer/newsdex-index" -q -d "$index" "$input" &
    indexer=$!
    read -r rate p50 p99 errors < <(run_wrk 8 "$seconds")
    wait "$indexer" || [ $? -eq 3 ]
    printf '%-5s %-26s %10s %9s %9s %7s\n' "x$scale" "HTTP, 8, index rebuilt" "$rate" "$p50" \
        "$p99" "$errors"
    stop_server
    read -r rate p50 p99 errors < <(run_cli "$index")
    printf '%-5s %-26s %10s %9s %9s %7s\n' "x$scale" "newsdex-search, 1 process" "$rate" "$p50" \
        "$p99" "-"
done
