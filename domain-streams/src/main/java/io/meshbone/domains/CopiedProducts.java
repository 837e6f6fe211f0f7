package io.meshbone.domains;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProducts;
import org.apache.kafka.clients.admin.Admin;

/**
 * Products an app on one cluster of an isolated mesh reads although another cluster lists them: MirrorMaker copies
 * their topics here, and an app reading one starts only once its topic has arrived.
 */
record CopiedProducts(Map<String, DataProduct> products, Set<String> localTopics) {

    static final CopiedProducts NONE = new CopiedProducts(Map.of(), Set.of());

    /** What {@code elsewhere} (client settings of other clusters) lists and {@code local} does not, and this cluster's topics. */
    static CopiedProducts read(Map<String, Object> clientConfig, List<Map<String, Object>> elsewhere, List<DataProduct> local) {
        Set<String> listedHere = local.stream().map(DataProduct::name).collect(java.util.stream.Collectors.toSet());
        Map<String, DataProduct> copied = new HashMap<>();
        for (Map<String, Object> other : elsewhere) {
            for (DataProduct product : ListedProducts.read(other, Duration.ofSeconds(10))) {
                if (!listedHere.contains(product.name())) {
                    copied.putIfAbsent(product.name(), product);
                }
            }
        }
        if (copied.isEmpty()) {
            return NONE;
        }
        try (Admin admin = Admin.create(clientConfig)) {
            return new CopiedProducts(copied, admin.listTopics().names().get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics at " + clientConfig.get("bootstrap.servers"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }

    /** Whether the topic of every copied product among {@code names} exists here. */
    boolean arrived(Collection<String> names) {
        return names.stream().map(products::get).filter(p -> p != null)
                .allMatch(p -> localTopics.contains(p.names().topic()));
    }
}
