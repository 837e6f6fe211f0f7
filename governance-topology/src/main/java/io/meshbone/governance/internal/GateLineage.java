package io.meshbone.governance.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every product the record gate has seen as its lineage: staging topics in, product and DLQ topics out.
 *
 * <p>Each report names every product seen so far, so reporting once per newly seen product cost the stream thread work
 * in proportion to the products already seen, for each new one: quadratic when thousands start at once. Products seen
 * within {@link #COALESCE_MILLIS} go out together in one report, sent from a thread of its own.
 *
 * <p>A report is one event per {@link GateLineageParts part} (a few hundred products each): one event naming every one
 * of thousands of products would outgrow the 1 MiB a record of {@code _mesh.lineage} may have.
 */
public final class GateLineage implements Consumer<GatedProduct>, AutoCloseable {

    static final long COALESCE_MILLIS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(GateLineage.class);

    private final LineageEmitter emitter;
    private final Set<ProductNames> seen = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private int partsReported;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "meshbone-record-gate-lineage");
        thread.setDaemon(true);
        return thread;
    });

    public GateLineage(LineageEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void accept(GatedProduct product) {
        if (seen.add(product.names()) && scheduled.compareAndSet(false, true)) {
            timer.schedule(this::report, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void report() {
        scheduled.set(false);
        try {
            List<GateLineageParts.Part> parts = GateLineageParts.of(List.copyOf(seen));
            for (int i = 0; i < parts.size(); i++) {
                emitter.report(i + 1, parts.get(i).inputs(), parts.get(i).outputs());
            }
            // A part no longer needed names nothing, rather than keep naming products another part now names.
            for (int part = parts.size() + 1; part <= partsReported; part++) {
                emitter.report(part, List.of(), List.of());
            }
            partsReported = Math.max(partsReported, parts.size());
        } catch (RuntimeException e) {
            log.warn("could not report the record gate's lineage: {}", e.toString());
        }
    }

    /** Sends what is still pending, then stops. */
    @Override
    public void close() {
        timer.shutdownNow();
        if (scheduled.get()) {
            report();
        }
    }
}
