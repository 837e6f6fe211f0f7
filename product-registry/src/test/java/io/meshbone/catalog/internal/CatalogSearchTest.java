package io.meshbone.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.Deprecation;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import org.junit.jupiter.api.Test;

/**
 * The indexed search and the text-built answer against the catalog's search as it was before them (a scan of every
 * product, summaries as maps written by Jackson), kept here as the oracle: the same answers, byte for byte.
 */
class CatalogSearchTest {

    private static final List<String> DOMAINS = List.of("orders", "shipping", "bench");
    private static final List<String> CLASSIFICATIONS = List.of("public", "internal", "confidential", "restricted");
    private static final List<String> WORDS = List.of("parcel", "order", "warehouse-1", "warehouse-12", "p0001", "p001",
            "weight", "scan", "e", "kg", "ORDER", "team-", "shipping.", "nothing-matches", "benchmark", "tracking",
            "fünf", "ß", "İstanbul", "i̇stanbul", "bench", "line two", "parcelid", "kg.");

    private static final List<CatalogState.Entry> ENTRIES = entries(150);
    /** The entries as the catalog holds them: by listed name. */
    private final Collection<CatalogState.Entry> index = new TreeMap<>(ENTRIES.stream()
            .collect(Collectors.toMap(e -> e.listed().name(), e -> e))).values();

    @Test
    void answersEveryQueryAsTheScanDidByteForByte() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            String q = random.nextInt(8) == 0 ? null : String.join(" ", random.ints(1 + random.nextInt(3), 0, WORDS.size())
                    .mapToObj(WORDS::get).toList());
            String domain = pick(random, DOMAINS);
            String tag = pick(random, List.of("bench", "warehouse-3", "Warehouse-12", "none"));
            String owner = pick(random, List.of("team-orders@example.com", "TEAM-SHIPPING@example.com"));
            String classification = pick(random, CLASSIFICATIONS);
            String expected = MeshJson.write(Map.of("products", scan(q, domain, tag, owner, classification)));
            assertThat(answer(CatalogSearch.rank(index, q, domain, tag, owner, classification), null, null))
                    .as("q=%s domain=%s tag=%s owner=%s classification=%s", q, domain, tag, owner, classification)
                    .isEqualTo(expected);
        }
    }

    @Test
    void answersOddQueriesAsTheScanDid() throws Exception {
        // A NUL trims to an empty word, which every product's text contains (CatalogFuzzIT found it out of bounds).
        for (String q : List.of("\u0000", "\u0001 parcel", "  ", "\t", "\n", "\u0000\u0000", "-", ".", "p0150", "p0151")) {
            assertThat(answer(CatalogSearch.rank(index, q, null, null, null, null), null, null)).as("q=%s", q)
                    .isEqualTo(MeshJson.write(Map.of("products", scan(q, null, null, null, null))));
        }
    }

    @Test
    void pagesTheRankedHitsAndCountsThemAll() throws Exception {
        List<CatalogSearch.Hit> hits = CatalogSearch.rank(index, "parcel warehouse-1", null, null, null, null);
        List<String> all = names(answer(hits, null, null));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < all.size(); offset += 7) {
            String page = answer(hits, Integer.toString(offset), "7");
            assertThat(MeshJson.tree(page).path("total").asInt()).isEqualTo(all.size());
            paged.addAll(names(page));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(names(answer(hits, Integer.toString(all.size() + 5), "7"))).isEmpty();
        assertThat(names(answer(hits, "3", null))).isEqualTo(all.subList(3, all.size()));
        assertThat(names(answer(hits, null, "0"))).isEmpty();
        assertThat(MeshJson.tree(answer(hits, null, null)).has("total")).isFalse();
    }

    @Test
    void refusesPagingValuesThatAreNotWholeNumbersFromZero() {
        List<CatalogSearch.Hit> hits = CatalogSearch.rank(index, null, null, null, null, null);
        for (String bad : List.of("-1", "x", "1.5", "99999999999", " 3")) {
            assertThatThrownBy(() -> answer(hits, bad, null)).isInstanceOf(CatalogError.class)
                    .hasMessageStartingWith("offset must be a whole number").extracting(e -> ((CatalogError) e).status())
                    .isEqualTo(400);
            assertThatThrownBy(() -> answer(hits, null, bad)).isInstanceOf(CatalogError.class)
                    .hasMessageStartingWith("limit must be a whole number");
        }
    }

    private static String pick(Random random, List<String> values) {
        int i = random.nextInt(values.size() * 3);
        return i < values.size() ? values.get(i) : null;
    }

    private static List<String> names(String answer) throws Exception {
        List<String> names = new ArrayList<>();
        MeshJson.tree(answer).path("products").forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    /** The search as it was: every product's fields scanned, hits ranked, each summary a map. */
    private static List<Map<String, Object>> scan(String q, String domain, String tag, String owner, String classification) {
        List<String> words = q == null || q.isBlank() ? List.of()
                : List.of(q.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        List<Map.Entry<Integer, CatalogState.Entry>> hits = new ArrayList<>();
        for (CatalogState.Entry entry : ENTRIES) {
            DataProduct p = entry.product();
            if (!matches(domain, p.metadata().domain()) || !matches(owner, p.metadata().owner())
                    || !matches(classification, p.spec().classification().name())
                    || (tag != null && !tag.isEmpty() && p.metadata().tags().stream().noneMatch(t -> t.equalsIgnoreCase(tag)))) {
                continue;
            }
            int score = words.isEmpty() ? 1 : words.stream().mapToInt(word -> score(p, word)).sum();
            if (score > 0) {
                hits.add(Map.entry(score, entry));
            }
        }
        hits.sort(Comparator.<Map.Entry<Integer, CatalogState.Entry>>comparingInt(Map.Entry::getKey).reversed()
                .thenComparing(e -> e.getValue().product().name()));
        return hits.stream().map(h -> {
            DataProduct p = h.getValue().product();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("domain", p.metadata().domain());
            m.put("owner", p.metadata().owner());
            m.put("description", p.metadata().description());
            m.put("tags", p.metadata().tags());
            m.put("type", p.spec().type().name().toLowerCase(Locale.ROOT));
            m.put("classification", p.spec().classification().name().toLowerCase(Locale.ROOT));
            m.put("version", p.spec().version().toString());
            m.put("topic", p.names().topic());
            m.put("deprecation", h.getValue().listed().deprecation());
            m.put("score", h.getKey());
            return m;
        }).toList();
    }

    /** The ranking as it was: each field of the product, lower-cased, searched for the word. */
    private static int score(DataProduct p, String word) {
        List<org.apache.avro.Schema.Field> fields = p.spec().value().schema().getFields();
        int score = lower(p.name()).contains(word) ? 10 : 0;
        score += p.metadata().tags().stream().anyMatch(tag -> lower(tag).contains(word)) ? 5 : 0;
        score += lower(p.metadata().description()).contains(word) ? 3 : 0;
        score += 4 * (int) fields.stream().filter(field -> lower(field.name()).contains(word)).count();
        score += (int) fields.stream().filter(field -> lower(field.doc()).contains(word)).count();
        return score;
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    /** The answer as the catalog writes it, after checking that its announced length is the length written. */
    private static String answer(List<CatalogSearch.Hit> hits, String offset, String limit) {
        SearchAnswer.Page page = SearchAnswer.page(hits, offset, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        page.body().forEachRemaining(out::writeBytes);
        assertThat((long) out.size()).as("Content-Length").isEqualTo(page.size());
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.isEmpty() || filter.equalsIgnoreCase(value);
    }

    /** Products in shuffled order, so the index's own name order is what the answers show. */
    static List<CatalogState.Entry> entries(int count) {
        List<CatalogState.Entry> entries = new ArrayList<>();
        Random random = new Random(3);
        for (int i = count; i >= 1; i--) {
            entries.add(entry(i, random));
        }
        java.util.Collections.shuffle(entries, random);
        return entries;
    }

    static CatalogState.Entry entry(int i, Random random) {
        String domain = DOMAINS.get(i % DOMAINS.size());
        String name = String.format("p%04d", i);
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata:
                  name: %1$s
                  domain: %3$s
                  owner: team-%3$s@example.com
                  description: "Benchmark product number %2$d, tracking parcel scans in warehouse %2$d. Fünf \\"quoted\\" İstanbul%5$s"
                  tags: %6$s
                spec:
                  version: 1.%2$d.0
                  type: event
                  value: {schema: %1$s.avsc}
                  compatibility: BACKWARD_TRANSITIVE
                  classification: %4$s
                  partitions: 1
                  retention: 1d
                """.formatted(name, i, domain, CLASSIFICATIONS.get(random.nextInt(CLASSIFICATIONS.size())),
                        i % 4 == 0 ? "\\nline two, parcel again" : "",
                        // No tags, or several tags holding one word (a tag scores once per word).
                        i % 7 == 0 ? "[]" : i % 3 == 0 ? "[bench, benchmark-run, warehouse-%d]".formatted(i) : "[bench, warehouse-%d]".formatted(i));
        String schema = """
                {"type": "record", "name": "Scan%1$d", "namespace": "bench.scans", "doc": "A parcel scan.",
                 "fields": [
                   {"name": "parcelId", "type": "string", "doc": "The parcel scanned."},
                   {"name": "weight%1$d", "type": "double"%2$s}
                 ]}
                """.formatted(i, i % 6 == 0 ? "" : ", \"doc\": \"Weight in kg at scan %d.\"".formatted(i));
        Deprecation deprecation = i % 5 == 0 ? new Deprecation(LocalDate.of(2027, 1, i % 28 + 1), domain + ".next",
                "replaced", Instant.parse("2026-11-01T10:15:30Z"), "User:owner") : null;
        ListedProduct listed = new ListedProduct(domain + "." + name, name + ".product.yaml", descriptor,
                Map.of(name + ".avsc", schema), i, null, "request-" + i, "User:test", Instant.parse("2026-11-01T10:00:00Z"),
                false, deprecation);
        return new CatalogState.Entry(listed, listed.contract().orThrow(), List.of(listed));
    }
}
