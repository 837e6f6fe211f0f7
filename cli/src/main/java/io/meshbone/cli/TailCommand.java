package io.meshbone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.cli.access.PiiClearanceCheck;
import io.meshbone.platform.mesh.MeshClientSettings;
import io.meshbone.platform.mesh.MeshConsumer;
import io.meshbone.platform.mesh.ProductAddress;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.serde.AvroJson;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code meshbone tail NAME}: prints a product's governed records as JSON lines, PII masked unless asked. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print a product's governed (read_committed) records as JSON lines until Ctrl-C or --max.")
final class TailCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MeshOptions mesh;

    @Parameters(paramLabel = "NAME", description = "Product name, e.g. orders.order-placed.")
    String name;

    @Option(names = "--from-beginning", description = "Start at the oldest record instead of new ones.")
    boolean fromBeginning;

    @Option(names = {"-n", "--max"}, defaultValue = "0", description = "Stop after this many records; 0 = never. Default: ${DEFAULT-VALUE}.")
    long max;

    @Option(names = "--show-pii", description = "Print PII-tagged fields instead of masking them; with --credentials"
            + " (secure mode) only for a principal the catalog says is cleared: the product's owner, or an approved"
            + " access request with --pii.")
    boolean showPii;

    @Override
    public Integer call() throws IOException {
        // Credentials mean secure mode: PII only for a principal the catalog says is cleared for this product.
        if (showPii && mesh.credentialsFile != null) {
            PiiClearanceCheck.require(mesh.catalogUrl, mesh.credentialsFile, name);
        }
        CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        MeshClientSettings settings = mesh.clientSettings(spec.commandLine().getParseResult()).readCommitted()
                .with("enable.auto.commit", false)
                .with("auto.offset.reset", fromBeginning ? "earliest" : "latest");
        // A principal's ACLs cover only its own group ids (<domain>- or <user>-), never meshbone-: with credentials
        // tail reads without a group, as kcat -C does.
        if (mesh.credentialsFile == null) {
            settings = settings.with("group.id", "meshbone-tail-" + UUID.randomUUID());
        }
        PrintWriter out = spec.commandLine().getOut();
        long printed = 0;
        Object bootstrap = settings.kafkaConfig().get("bootstrap.servers");
        KafkaReachability.require(bootstrap != null ? bootstrap.toString()
                : ProductAddress.resolve(mesh.catalogUrl, name, settings.catalogUserInfo()).bootstrapServers(), mesh.credentialSettings());
        try (MeshConsumer<GenericRecord> consumer = MeshConsumer.subscribe(name, settings)) {
            while (stop.getCount() > 0 && (max == 0 || printed < max)) {
                for (ConsumerRecord<String, GenericRecord> record : consumer.poll(Duration.ofMillis(500))) {
                    ObjectNode line = MeshJson.object();
                    if (consumer.address().keySubject() != null && record.key() != null) {
                        line.set("key", MeshJson.tree(record.key()));
                    } else {
                        line.put("key", record.key());
                    }
                    // A null value is an entity's tombstone (the key was deleted), not a broken record.
                    if (record.value() == null) {
                        line.putNull("value");
                    } else {
                        line.set("value", AvroJson.toJson(record.value(), record.value().getSchema(), !showPii));
                    }
                    out.println(line);
                    if (max != 0 && ++printed >= max) {
                        break;
                    }
                }
                out.flush();
            }
        }
        return 0;
    }
}
