#!/usr/bin/env python3
"""@file report.py
@brief Turns a bench/run.sh results folder into one table (and a gnuplot PNG when available).

Usage: report.py RESULTS_DIR. Reads <engine>-x<scale>-index.json and -queries.json.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ENGINES = ["newsdex", "lucene", "fts5"]
PEERS = ["lucene", "fts5"]


def load(results: Path) -> dict:
    """{scale: {engine: {"index": {...}, "queries": {...}}}}"""
    runs: dict = {}
    for f in sorted(results.glob("*-x*-*.json")):
        m = re.fullmatch(r"(\w+)-x(\d+)-(index|queries)\.json", f.name)
        if m and f.stat().st_size:
            runs.setdefault(int(m[2]), {}).setdefault(m[1], {})[m[3]] = json.loads(f.read_text())
    return runs


def classes_of(engines: dict) -> list:
    for e in engines.values():
        if "queries" in e:
            return list(e["queries"]["classes"])
    return []


def row_values(run: dict, classes: list, key: str) -> list:
    """docs/s, MB/s, index MB, RSS MB (max of build and queries), then p50 and p99 per class."""
    ix, q = run.get("index", {}), run.get("queries", {})
    rss = max(ix.get("peak_rss_mb", 0), q.get("peak_rss_mb", 0)) or None
    vals = [ix.get("docs_per_s"), ix.get("mb_per_s"), ix.get("index_mb"), rss]
    for c in classes:
        stats = q.get(key, {}).get(c, {})
        vals += [stats.get("p50_us"), stats.get("p99_us")]
    return vals


def fmt(v, ratio=False) -> str:
    if v is None:
        return "-"
    if ratio:
        return f"{v:.2f}x"
    return f"{v:,.0f}" if v >= 100 else f"{v:.2f}"


def table(runs: dict, key: str, title: str) -> str:
    lines = [title]
    for scale, engines in sorted(runs.items()):
        classes = classes_of(engines)
        head = ["x%d" % scale, "docs/s", "MB/s", "index MB", "RSS MB"]
        for c in classes:
            head += [f"{c} p50", f"{c} p99"]
        widths = [16] + [max(9, len(h) + 1) for h in head[1:]]
        lines.append("".join(h.rjust(w) if i else h.ljust(w) for i, (h, w) in enumerate(zip(head, widths))))
        rows = {e: row_values(engines[e], classes, key) for e in ENGINES if e in engines}
        for e, vals in rows.items():
            # Latencies are printed in ms; the other columns as measured.
            shown = vals[:4] + [v / 1000 if v is not None else None for v in vals[4:]]
            lines.append(e.ljust(16) + "".join(fmt(v).rjust(w) for v, w in zip(shown, widths[1:])))
        for p in PEERS:
            if "newsdex" in rows and p in rows:
                ratios = [a / b if a is not None and b else None for a, b in zip(rows["newsdex"], rows[p])]
                lines.append(f"newsdex/{p}".ljust(16) + "".join(fmt(v, True).rjust(w) for v, w in zip(ratios, widths[1:])))
        lines.append("")
    return "\n".join(lines)


def plot(runs: dict, results: Path) -> None:
    """One PNG per scale: p50 latency (ms, log scale) by class, one bar per engine; p99 as whiskers."""
    if not shutil.which("gnuplot"):
        print("(gnuplot not found: no plot; apt-get install gnuplot-nox)")
        return
    for scale, engines in sorted(runs.items()):
        names = [e for e in ENGINES if "queries" in engines.get(e, {})]
        classes = classes_of(engines)
        if not names or not classes:
            continue
        dat = results / f"latency-x{scale}.dat"
        with dat.open("w") as out:
            out.write("# class " + " ".join(f"{e}_p50 {e}_p99" for e in names) + "\n")
            for c in classes:
                cells = []
                for e in names:
                    s = engines[e]["queries"]["classes"][c]
                    cells += [f"{s['p50_us'] / 1000:.4f}", f"{s['p99_us'] / 1000:.4f}"]
                out.write(c + " " + " ".join(cells) + "\n")
        png = results / f"latency-x{scale}.png"
        cols = ", ".join(
            f"'{dat}' using {2 + 2 * i}:{2 + 2 * i}:{3 + 2 * i}:xtic(1) title '{e} (p50, whisker p99)'"
            for i, e in enumerate(names))
        script = f"""set terminal pngcairo size 1000,520 noenhanced
set output '{png}'
set title 'Query latency by class, Reuters-21578 x{scale} (top 10 + snippets; facets over all matches)'
set ylabel 'ms (log scale)'
set logscale y
set style data histograms
set style histogram errorbars gap 2 lw 1
set style fill solid 0.7 border -1
set key top left
set grid ytics
plot {cols}
"""
        subprocess.run(["gnuplot"], input=script, text=True, check=False)
        print(f"plot: {png}")


def main() -> None:
    results = Path(sys.argv[1])
    runs = load(results)
    machine = results / "machine.json"
    if machine.exists():
        print("machine:", machine.read_text().replace("\n", " "))
    print(table(runs, "classes", "Full queries (top 10 + snippet per hit + facets); latencies p50/p99 in ms"))
    print(table(runs, "classes_no_snippets", "Without snippets (match + facets + stored fields); p50/p99 in ms"))
    print("Ratios are newsdex/peer: below 1 is better for newsdex on latency, index MB and RSS; "
          "above 1 is better on docs/s and MB/s.")
    plot(runs, results)


if __name__ == "__main__":
    main()
