package io.meshbone.cli.serve;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * Whether the example domain apps run in some other process, seen from Kafka: each app's consumer group (its
 * application id) is stable with members. Asks at most once per {@link #EVERY}, since callers poll often.
 */
final class DomainGroupsReady implements BooleanSupplier {

    static final Duration EVERY = Duration.ofSeconds(2);

    private final Map<String, Object> clientConfig;
    private final List<String> groups = DomainApps.all().stream().map(DomainApp::applicationId).toList();
    private long nextAsk;

    DomainGroupsReady(Map<String, Object> clientConfig) {
        this.clientConfig = clientConfig;
    }

    @Override
    public boolean getAsBoolean() {
        if (System.nanoTime() < nextAsk) {
            return false;
        }
        nextAsk = System.nanoTime() + EVERY.toNanos();
        try (Admin admin = Admin.create(clientConfig)) {
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(EVERY.toMillis() * 5, TimeUnit.MILLISECONDS);
            return described.values().stream()
                    .allMatch(group -> group.groupState() == GroupState.STABLE && !group.members().isEmpty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            // Not there yet (or the broker is busy): the generator asks again, and starts anyway after its wait.
            return false;
        }
    }
}
