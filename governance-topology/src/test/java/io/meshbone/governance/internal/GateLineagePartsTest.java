package io.meshbone.governance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.meshbone.governance.RecordGate;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageEvents;
import io.meshbone.platform.lineage.LineageParts;
import io.openlineage.client.OpenLineage;
import org.junit.jupiter.api.Test;

/**
 * The record gate's lineage of 10,000 products as the events it sends: each part's event fits a record of
 * {@code _mesh.lineage} (1 MiB) and the parts together name every topic the single event named, once.
 */
class GateLineagePartsTest {

    /** A record of {@code _mesh.lineage} may have 1 MiB ({@code max.message.bytes}), the key and headers included. */
    private static final int RECORD_LIMIT = 1024 * 1024;
    private static final LineageEvents EVENTS = new LineageEvents("Xj3aB7kLQ9uV2mN5pR8sTw");

    @Test
    void tenThousandProductsOfTheBenchmarksNamesFitInRecords() {
        checkFits(products(10_000, "bench", "p%05d"), 2);
    }

    @Test
    void tenThousandProductsWithTheLongestNamesFitInRecords() {
        String domain = "d" + "a".repeat(59);
        checkFits(products(10_000, domain, "p%05d-" + "b".repeat(160)), 10);
    }

    @Test
    void aFewHundredProductsAreOnePartUnderTheGatesOwnJobName() {
        List<GateLineageParts.Part> parts = GateLineageParts.of(products(300, "orders", "feed-%d"));
        assertThat(parts).hasSize(1);
        assertThat(LineageParts.name(RecordGate.JOB_NAME, 1)).isEqualTo("meshbone.record-gate");
        assertThat(parts.get(0).inputs()).hasSize(300).allMatch(ProductNames::isStagingTopic);
        assertThat(parts.get(0).outputs()).hasSize(600);
    }

    @Test
    void aProductSeenLaterMovesOnlyThePartsAfterIt() {
        List<ProductNames> seen = new ArrayList<>(products(5_000, "bench", "p%05d"));
        List<GateLineageParts.Part> before = GateLineageParts.of(seen);
        seen.add(new ProductNames("bench", "zz-last", 1));
        List<GateLineageParts.Part> after = GateLineageParts.of(seen);
        assertThat(after.subList(0, before.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
    }

    private static void checkFits(List<ProductNames> products, int atLeastParts) {
        List<GateLineageParts.Part> parts = GateLineageParts.of(products);
        assertThat(parts).hasSizeGreaterThanOrEqualTo(atLeastParts);
        UUID run = UUID.randomUUID();
        Set<String> inputs = new HashSet<>();
        Set<String> outputs = new HashSet<>();
        int largest = 0;
        for (int i = 0; i < parts.size(); i++) {
            GateLineageParts.Part part = parts.get(i);
            String name = LineageParts.name(RecordGate.JOB_NAME, i + 1);
            OpenLineage.RunEvent event = i == 0
                    ? EVENTS.runEvent(run, OpenLineage.RunEvent.EventType.START, name, "RECORD_GATE", part.inputs(), part.outputs())
                    : EVENTS.partEvent(UUID.randomUUID(), run, OpenLineage.RunEvent.EventType.START, name, RecordGate.JOB_NAME,
                    "RECORD_GATE", part.inputs(), part.outputs());
            int bytes = LineageEvents.toJson(event).getBytes(StandardCharsets.UTF_8).length
                    + name.getBytes(StandardCharsets.UTF_8).length;
            largest = Math.max(largest, bytes);
            assertThat(LineageParts.jobOf(name)).isEqualTo(RecordGate.JOB_NAME);
            part.inputs().forEach(t -> assertThat(inputs.add(t)).as("%s in two parts", t).isTrue());
            part.outputs().forEach(t -> assertThat(outputs.add(t)).as("%s in two parts", t).isTrue());
        }
        assertThat(largest).as("largest event, bytes").isLessThan(RECORD_LIMIT - 1024);
        assertThat(inputs).isEqualTo(Set.copyOf(products.stream().map(ProductNames::stagingTopic).toList()));
        assertThat(outputs).isEqualTo(Set.copyOf(products.stream().flatMap(p -> Stream.of(p.topic(), p.dlqTopic())).toList()));
    }

    private static List<ProductNames> products(int count, String domain, String format) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new ProductNames(domain, String.format(format, i), 1)).toList();
    }
}
