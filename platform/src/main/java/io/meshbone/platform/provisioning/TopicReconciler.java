package io.meshbone.platform.provisioning;

import static io.meshbone.platform.provisioning.AdminCalls.await;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Kafka topics match their {@link TopicPlan}s through the {@link Admin} API, like an operator.
 *
 * <p>It creates missing topics, raises partition counts and sets planned configs. It never deletes
 * a topic, never shrinks partitions and never moves replicas: those would lose data or order, so it
 * reports them as {@link Drift} instead. Running it twice changes nothing the second time.
 */
public final class TopicReconciler {

    private static final Logger log = LoggerFactory.getLogger(TopicReconciler.class);

    private final Admin admin;

    public TopicReconciler(Admin admin) {
        this.admin = admin;
    }

    /** One pass over these plans. */
    public ReconcileResult reconcile(Collection<TopicPlan> plans) {
        List<String> created = new ArrayList<>();
        List<String> grown = new ArrayList<>();
        List<String> altered = new ArrayList<>();
        List<Drift> drift = new ArrayList<>();

        Map<String, TopicDescription> existing = describe(plans);
        List<TopicPlan> missing = plans.stream().filter(plan -> !existing.containsKey(plan.name())).toList();
        created.addAll(create(missing));

        Map<String, NewPartitions> growth = new HashMap<>();
        for (TopicPlan plan : plans) {
            TopicDescription description = existing.get(plan.name());
            if (description == null) {
                continue;
            }
            int actualPartitions = description.partitions().size();
            if (actualPartitions < plan.partitions()) {
                growth.put(plan.name(), NewPartitions.increaseTo(plan.partitions()));
            } else if (actualPartitions > plan.partitions()) {
                drift.add(new Drift(plan.name(), "partitions", Integer.toString(plan.partitions()),
                        Integer.toString(actualPartitions),
                        "partitions cannot shrink without losing key order; raise the contract's partitions to match"));
            }
            int actualReplication = description.partitions().get(0).replicas().size();
            if (actualReplication != plan.replicationFactor()) {
                drift.add(new Drift(plan.name(), "replication.factor", Short.toString(plan.replicationFactor()),
                        Integer.toString(actualReplication),
                        "changing replication needs a partition reassignment (kafka-reassign-partitions)"));
            }
        }
        if (!growth.isEmpty()) {
            // One call for every topic that must grow, as for creating and altering.
            await(admin.createPartitions(growth).all(), "raise partitions of " + new TreeSet<>(growth.keySet()));
            grown.addAll(new TreeSet<>(growth.keySet()));
        }
        altered.addAll(alterConfigs(plans, existing.keySet()));
        ReconcileResult result = new ReconcileResult(created, grown, altered, drift);
        if (!result.unchanged() || !drift.isEmpty()) {
            log.info("reconciled topics: created {}, grew {}, altered {}, drift {}", created, grown, altered,
                    drift.stream().map(Drift::describe).toList());
        }
        return result;
    }

    private Map<String, TopicDescription> describe(Collection<TopicPlan> plans) {
        Map<String, TopicDescription> found = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(
                plans.stream().map(TopicPlan::name).toList()).topicNameValues();
        futures.forEach((topic, future) -> {
            try {
                found.put(topic, future.get());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw new ProvisioningException("cannot describe topic " + topic, e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("interrupted while describing topic " + topic, e);
            }
        });
        return found;
    }

    private List<String> create(List<TopicPlan> missing) {
        if (missing.isEmpty()) {
            return List.of();
        }
        List<NewTopic> newTopics = missing.stream()
                .map(plan -> new NewTopic(plan.name(), plan.partitions(), plan.replicationFactor()).configs(plan.configs()))
                .toList();
        List<String> created = new ArrayList<>();
        admin.createTopics(newTopics).values().forEach((topic, future) -> {
            try {
                future.get();
                created.add(topic);
            } catch (ExecutionException e) {
                // Another reconciler got there first: the next pass compares it with the plan.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new ProvisioningException("cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProvisioningException("interrupted while creating topic " + topic, e);
            }
        });
        return created;
    }

    private List<String> alterConfigs(Collection<TopicPlan> plans, Collection<String> existingTopics) {
        List<ConfigResource> resources = plans.stream()
                .filter(plan -> existingTopics.contains(plan.name()) && !plan.configs().isEmpty())
                .map(plan -> new ConfigResource(ConfigResource.Type.TOPIC, plan.name()))
                .toList();
        if (resources.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, Config> current = await(admin.describeConfigs(resources).all(), "describe topic configs");
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (TopicPlan plan : plans) {
            Config config = current.get(new ConfigResource(ConfigResource.Type.TOPIC, plan.name()));
            if (config == null) {
                continue;
            }
            List<AlterConfigOp> ops = plan.configs().entrySet().stream()
                    .filter(wanted -> !wanted.getValue().equals(valueOf(config, wanted.getKey())))
                    .map(wanted -> new AlterConfigOp(new ConfigEntry(wanted.getKey(), wanted.getValue()), AlterConfigOp.OpType.SET))
                    .toList();
            if (!ops.isEmpty()) {
                changes.put(new ConfigResource(ConfigResource.Type.TOPIC, plan.name()), ops);
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        await(admin.incrementalAlterConfigs(changes).all(), "alter topic configs");
        return changes.keySet().stream().map(ConfigResource::name).sorted().toList();
    }

    private static String valueOf(Config config, String name) {
        ConfigEntry entry = config.get(name);
        return entry == null ? null : entry.value();
    }

}
