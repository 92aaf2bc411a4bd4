#!/usr/bin/env python3
"""A query workload (../shared/bench/queries-*.jsonl) as newsdex-serve /search paths, one per
line, and as newsdex-search argument lists (--cli: one JSON array per line): the same
requests newsdex-bench queries makes (top 10 with snippets; the facet class's source, month
and top-20 entity facets; a date range or a source filter where the query has one)."""
import json
import sys
from urllib.parse import urlencode


def request(query):
    params = [("q", query["q"]), ("limit", "10")]
    cli = ["--limit", "10"]
    for key in ("from", "to", "source"):
        if query.get(key):
            params.append((key, query[key]))
            cli += ["--" + key, query[key]]
    facets = []
    for name in query.get("facets") or []:
        facets.append("date" if name == "month" else name)
    if facets:
        params += [("facets", ",".join(facets)), ("facet_limit", "20")]
        cli += ["--facets", ",".join(facets), "--facet-limit", "20"]
        if "month" in query["facets"]:
            params.append(("date_bucket", "month"))
            cli += ["--date-bucket", "month"]
    return "/search?" + urlencode(params), cli + ["--", query["q"]]


def main():
    cli = "--cli" in sys.argv[1:]
    path = [a for a in sys.argv[1:] if a != "--cli"][0]
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                url, args = request(json.loads(line))
                print(json.dumps(args) if cli else url)


if __name__ == "__main__":
    main()
