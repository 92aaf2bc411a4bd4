/// @file LuceneBench.java
/// @brief The Lucene 8 peer of newsdex-bench: the same JSONL input, workload and JSON output.

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.FSDirectory;

public final class LuceneBench {
    /// Body text: positions for phrases and offsets in the postings, so the UnifiedHighlighter
    /// highlights from the index without re-analysing (its fastest mode).
    private static final FieldType BODY = new FieldType(TextField.TYPE_STORED);
    static {
        BODY.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY.freeze();
    }
    /// Title words weigh three times body words, as in newsdex (kTitleWdf).
    private static final Map<String, Float> BOOSTS = Map.of("title", 3.0f, "body", 1.0f);

    private final Map<String, String> opts = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        if (args.length < 1) usage();
        LuceneBench bench = new LuceneBench();
        bench.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "index": bench.index(); break;
            case "queries": bench.queries(); break;
            default: usage();
        }
    }

    private static void usage() {
        System.err.println("usage: LuceneBench index --index DIR [--repeat N] [--ram-mb MB] [--json] FILE.jsonl\n"
                + "       LuceneBench queries --index DIR --queries FILE [--repeat N] [--warmup N] [--json]");
        System.exit(2);
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; ++i) {
            if (args[i].equals("--json")) opts.put("json", "1");
            else if (args[i].startsWith("--") && i + 1 < args.length) opts.put(args[i].substring(2), args[++i]);
            else positional.add(args[i]);
        }
        if (!opts.containsKey("index")) usage();
    }

    private int intOpt(String name, int fallback) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : fallback;
    }

    // ---------------------------------------------------------------- index

    private void index() throws IOException {
        if (positional.size() != 1) usage();
        Path input = Paths.get(positional.get(0));
        Path dir = Paths.get(opts.get("index"));
        int repeat = intOpt("repeat", 1);
        List<Double> runs = new ArrayList<>(), cpuRuns = new ArrayList<>();
        long[] counts = null;
        for (int run = 0; run < repeat; ++run) {
            deleteTree(dir);
            double cpuBefore = cpuSeconds();
            long start = System.nanoTime();
            counts = build(input, dir);
            runs.add((System.nanoTime() - start) / 1e9);
            cpuRuns.add(cpuSeconds() - cpuBefore);
        }
        double seconds = median(runs);
        double inputMb = counts[1] / 1e6;
        double indexMb = diskMb(dir);
        StringBuilder json = new StringBuilder("{\"engine\":\"lucene\",\"mode\":\"index\"");
        json.append(",\"docs\":").append(counts[0]).append(",\"input_mb\":").append(inputMb);
        json.append(",\"runs_s\":").append(runs).append(",\"seconds\":").append(seconds);
        json.append(",\"cpu_s\":").append(median(cpuRuns));
        json.append(",\"docs_per_s\":").append(counts[0] / seconds);
        json.append(",\"mb_per_s\":").append(inputMb / seconds);
        json.append(",\"index_mb\":").append(indexMb).append(",\"peak_rss_mb\":").append(peakRssMb());
        json.append(",\"ram_buffer_mb\":").append(intOpt("ram-mb", 256)).append('}');
        if (opts.containsKey("json")) System.out.println(json);
        else System.out.printf("lucene: %d docs, %.1f MB text in %.2f s (median of %d): %.0f docs/s, %.2f MB/s; "
                + "index %.1f MB; peak RSS %.1f MB%n", counts[0], inputMb, seconds, runs.size(),
                counts[0] / seconds, inputMb / seconds, indexMb, peakRssMb());
    }

    /// Builds one index from the JSONL; returns {documents, UTF-8 bytes of title + body}.
    private long[] build(Path input, Path dir) throws IOException {
        FacetsConfig facets = new FacetsConfig();
        facets.setMultiValued("entity", true);
        IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        // Lucene's default 16 MB buffer flushes tiny segments; 256 MB is what a bulk load uses.
        config.setRAMBufferSizeMB(intOpt("ram-mb", 256));
        long docs = 0, bytes = 0;
        try (FSDirectory fs = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(fs, config);
             BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonObject a = JsonParser.parseString(line).getAsJsonObject();
                String title = str(a, "title"), body = str(a, "body");
                bytes += utf8Length(title) + utf8Length(body);
                writer.addDocument(facets.build(toDocument(a, title, body)));
                ++docs;
            }
            writer.commit();
        }
        return new long[] {docs, bytes};
    }

    private static Document toDocument(JsonObject a, String title, String body) {
        Document doc = new Document();
        doc.add(new StringField("id", str(a, "id"), Field.Store.YES));
        doc.add(new TextField("title", title, Field.Store.YES));
        doc.add(new Field("body", body, BODY));
        String date = str(a, "date");
        if (!date.isEmpty()) {
            doc.add(new LongPoint("date", epochSeconds(date)));
            doc.add(new StoredField("date", date));
            doc.add(new SortedSetDocValuesFacetField("month", date.substring(0, 7)));
        }
        String source = str(a, "source");
        if (!source.isEmpty()) {
            doc.add(new StringField("source", source, Field.Store.YES));
            doc.add(new SortedSetDocValuesFacetField("source", source));
        }
        if (a.has("entities")) {
            for (JsonElement e : a.getAsJsonArray("entities")) {
                JsonObject entity = e.getAsJsonObject();
                String value = str(entity, "type") + ":" + str(entity, "name");
                doc.add(new SortedSetDocValuesFacetField("entity", value));
                doc.add(new StoredField("entity", value));
            }
        }
        if (a.has("categories"))
            for (JsonElement c : a.getAsJsonArray("categories")) doc.add(new StoredField("category", c.getAsString()));
        return doc;
    }

    private static long epochSeconds(String iso) {
        return iso.length() > 10 ? Instant.parse(iso).getEpochSecond()
                                 : LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    // ---------------------------------------------------------------- queries

    /// One workload line.
    private record Workload(String cls, String q, String from, String to, String source, List<String> facets) {}

    /// Per-class latency samples and match counts, in first-seen order.
    private static final class Table {
        final Map<String, List<Double>> samples = new LinkedHashMap<>();
        final Map<String, Long> matches = new HashMap<>();

        void add(String cls, double micros) { samples.computeIfAbsent(cls, k -> new ArrayList<>()).add(micros); }

        String json() {
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, List<Double>> e : samples.entrySet()) {
                List<Double> s = e.getValue();
                double total = s.stream().mapToDouble(Double::doubleValue).sum();
                if (out.length() > 1) out.append(',');
                out.append('"').append(e.getKey()).append("\":{\"count\":").append(s.size());
                out.append(",\"p50_us\":").append(percentile(s, 0.50));
                out.append(",\"p95_us\":").append(percentile(s, 0.95));
                out.append(",\"p99_us\":").append(percentile(s, 0.99));
                out.append(",\"mean_us\":").append(total / s.size());
                out.append(",\"qps\":").append(s.size() * 1e6 / total);
                out.append(",\"matches\":").append(matches.getOrDefault(e.getKey(), 0L)).append('}');
            }
            return out.append('}').toString();
        }
    }

    private void queries() throws Exception {
        List<Workload> workload = readWorkload(Paths.get(opts.get("queries")));
        int repeat = intOpt("repeat", 1), warmup = intOpt("warmup", 1);
        try (FSDirectory fs = FSDirectory.open(Paths.get(opts.get("index")));
             DirectoryReader reader = DirectoryReader.open(fs)) {
            Engine engine = new Engine(reader);
            Table full = new Table(), bare = new Table();
            passes(engine, workload, warmup, true, null);
            passes(engine, workload, repeat, true, full);
            passes(engine, workload, warmup, false, null);
            passes(engine, workload, repeat, false, bare);
            String json = "{\"engine\":\"lucene\",\"mode\":\"queries\",\"docs\":" + reader.numDocs()
                    + ",\"repeat\":" + repeat + ",\"warmup\":" + warmup + ",\"classes\":" + full.json()
                    + ",\"classes_no_snippets\":" + bare.json() + ",\"peak_rss_mb\":" + peakRssMb() + "}";
            System.out.println(json);
        }
    }

    /// Runs the workload `count` times in file order, timing each query into `table` when given.
    private static void passes(Engine engine, List<Workload> workload, int count, boolean snippets, Table table)
            throws Exception {
        for (int pass = 0; pass < count; ++pass)
            for (Workload w : workload) {
                long start = System.nanoTime();
                long matches = engine.search(w, snippets);
                double micros = (System.nanoTime() - start) / 1e3;
                if (table == null) continue;
                table.add(w.cls(), micros);
                if (pass == 0) table.matches.merge(w.cls(), matches, Long::sum);
            }
    }

    /// What answers a query: parser, searcher, facet state and highlighter, made once.
    private static final class Engine {
        final IndexSearcher searcher;
        final MultiFieldQueryParser parser;
        final SortedSetDocValuesReaderState facetState;
        final UnifiedHighlighter highlighter;
        /// Keeps the results alive so that the JIT cannot drop the work that made them.
        long sink = 0;

        Engine(DirectoryReader reader) throws IOException {
            searcher = new IndexSearcher(reader);  // BM25 is Lucene's default similarity
            Analyzer analyzer = new EnglishAnalyzer();
            parser = new MultiFieldQueryParser(new String[] {"title", "body"}, analyzer, BOOSTS);
            // Built once per reader, as an application would: it maps facet ordinals.
            facetState = new DefaultSortedSetDocValuesReaderState(reader);
            highlighter = new UnifiedHighlighter(searcher, analyzer);
            highlighter.setFormatter(new DefaultPassageFormatter("[[", "]]", "...", false));
        }

        /// Every value of a dimension: getTopChildren sizes its queue by topN, so not MAX_VALUE.
        int valuesOf(String dim) {
            SortedSetDocValuesReaderState.OrdRange range = facetState.getOrdRange(dim);
            return range == null ? 1 : range.end - range.start + 1;
        }

        Query build(Workload w) throws ParseException {
            String text = w.cls().equals("and") ? String.join(" AND ", w.q().trim().split("\\s+")) : w.q();
            Query words = parser.parse(text);
            if (w.from() == null && w.source() == null) return words;
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST);
            if (w.from() != null) {
                long from = epochSeconds(w.from()), to = epochSeconds(w.to()) + 86399;
                b.add(LongPoint.newRangeQuery("date", from, to), BooleanClause.Occur.FILTER);
            }
            if (w.source() != null) b.add(new TermQuery(new Term("source", w.source())), BooleanClause.Occur.FILTER);
            return b.build();
        }

        /// Top 10 with stored fields (and a snippet each); facets over all matches. Returns the matches.
        long search(Workload w, boolean snippets) throws Exception {
            Query query = build(w);
            TopDocs top;
            if (w.facets().isEmpty()) {
                top = searcher.search(query, 10);
            } else {
                FacetsCollector fc = new FacetsCollector();
                top = FacetsCollector.search(searcher, query, 10, fc);
                SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState, fc);
                for (String dim : w.facets()) {
                    FacetResult r = counts.getTopChildren(dim.equals("entity") ? 20 : valuesOf(dim), dim);
                    if (r != null) sink += r.childCount;
                }
            }
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = searcher.doc(hit.doc);
                sink += doc.get("id").length() + doc.get("title").length();
            }
            if (snippets && top.scoreDocs.length > 0) {
                for (String s : highlighter.highlight("body", query, top, 1)) sink += s == null ? 0 : s.length();
            }
            return top.totalHits.value;
        }
    }

    private static List<Workload> readWorkload(Path path) throws IOException {
        List<Workload> out = new ArrayList<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            List<String> facets = new ArrayList<>();
            if (o.has("facets") && o.get("facets").isJsonArray())
                for (JsonElement f : o.getAsJsonArray("facets")) facets.add(f.getAsString());
            out.add(new Workload(str(o, "class"), str(o, "q"), nullable(o, "from"), nullable(o, "to"),
                    nullable(o, "source"), facets));
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static String nullable(JsonObject o, String key) {
        String s = str(o, key);
        return s.isEmpty() ? null : s;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); ++i) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c)) { n += 4; ++i; }
            else n += 3;
        }
        return n;
    }

    /// Nearest-rank percentile, the same definition as bench_stats.cpp.
    static double percentile(List<Double> samples, double q) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(q * s.length);
        return s[Math.max(1, Math.min(rank, s.length)) - 1];
    }

    static double median(List<Double> samples) {
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    /// Peak resident set size (VmHWM), in MB: the JVM's heap and everything else it maps.
    static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status")))
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024 / 1e6;
        return 0;
    }

    /// CPU seconds of the whole JVM (JIT compiler and GC threads included), as getrusage counts.
    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static double diskMb(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1e6;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
