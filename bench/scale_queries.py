#!/usr/bin/env python3
"""@file scale_queries.py
@brief Shifts the range windows of a x1 query workload for a xN corpus, as the shared x10 file does.

Copy k of a xN export has its dates moved by k years; each range query's window is moved by a
random 0..N-1 years (fixed seed) so that it hits one copy. Usage: scale_queries.py N IN OUT
"""
import calendar
import json
import random
import sys


def shift(day: str, years: int) -> str:
    year = int(day[:4]) + years
    rest = day[4:]
    if rest == "-02-29" and not calendar.isleap(year):
        rest = "-02-28"  # as the export does
    return f"{year:04d}{rest}"


def main() -> None:
    scale, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = random.Random(scale)  # fixed seed: the same workload for every run at this scale
    with open(src, encoding="utf-8") as inp, open(dst, "w", encoding="utf-8") as out:
        for line in inp:
            if not line.strip():
                continue
            q = json.loads(line)
            if q.get("from") and q.get("to"):
                k = rng.randrange(scale)
                q["from"], q["to"] = shift(q["from"], k), shift(q["to"], k)
            out.write(json.dumps(q) + "\n")


if __name__ == "__main__":
    main()
