#!/usr/bin/env bash
# @file build.sh
# @brief Compiles the Lucene peer into OUT_DIR (default ../../../build-bench/lucene) against Debian's
# liblucene8-java and libgoogle-gson-java jars; prints the classpath to run it with.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../../build-bench/lucene}
jars=/usr/share/java
cp=""
for j in lucene-core lucene-analyzers-common lucene-queryparser lucene-queries lucene-highlighter \
         lucene-facet lucene-memory; do
    f=$(ls "$jars"/$j-8*.jar 2>/dev/null | head -1)
    [ -n "$f" ] || { echo "lucene peer: $j jar missing: apt-get install liblucene8-java" >&2; exit 1; }
    cp="$cp:$f"
done
[ -f "$jars/gson.jar" ] || { echo "lucene peer: apt-get install libgoogle-gson-java" >&2; exit 1; }
cp="${cp#:}:$jars/gson.jar"
mkdir -p "$out"
if [ ! -f "$out/LuceneBench.class" ] || [ "$here/LuceneBench.java" -nt "$out/LuceneBench.class" ]; then
    javac -nowarn -d "$out" -cp "$cp" "$here/LuceneBench.java" >&2
fi
echo "$out:$cp"
