package io.meshbone.registry.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ListedProducts;

/**
 * The subjects of the products listed in {@code _mesh.products}, read again when the last read is older than a
 * second, so that a product listed a moment ago is protected before a team can write under its subjects.
 */
public final class ListedSubjects implements Supplier<Set<String>> {

    private static final Duration FRESH = Duration.ofSeconds(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, Object> clientConfig;
    private Set<String> subjects = Set.of();
    private long readAt = Long.MIN_VALUE;

    /** {@code clientConfig}: Kafka client settings with {@code bootstrap.servers}, able to read {@code _mesh.products}. */
    public ListedSubjects(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    @Override
    public synchronized Set<String> get() {
        if (readAt == Long.MIN_VALUE || System.nanoTime() - readAt > FRESH.toNanos()) {
            try {
                subjects = subjects(ListedProducts.read(clientConfig, READ_TIMEOUT));
            } catch (RuntimeException e) {
                throw Errors.storeError("Cannot read the listed products to check this change: " + e.getMessage(), e);
            }
            readAt = System.nanoTime();
        }
        return subjects;
    }

    private static Set<String> subjects(Iterable<DataProduct> products) {
        Set<String> subjects = new HashSet<>();
        for (DataProduct product : products) {
            ProductNames names = product.names();
            subjects.add(names.valueSubject());
            subjects.add(names.keySubject());
            subjects.add(names.stagingValueSubject());
            subjects.add(names.stagingKeySubject());
        }
        return Set.copyOf(subjects);
    }
}
