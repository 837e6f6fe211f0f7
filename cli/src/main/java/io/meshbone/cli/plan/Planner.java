package io.meshbone.cli.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.meshbone.cli.check.Baseline;
import io.meshbone.cli.check.Reviewed;
import io.meshbone.governance.ContractReview;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.ProductTopicPlans;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.provisioning.ProductAcls;
import io.meshbone.platform.provisioning.TopicPlan;
import org.apache.avro.Schema;

/**
 * Works out what applying a reviewed descriptor would change, comparing the topics, subjects and ACLs its contract
 * needs with those of the listed version it replaces. It asks nothing of Kafka: what it knows of the registry and of
 * access grants comes from {@link SubjectVersions} and {@link ProductGrants}.
 */
public final class Planner {

    private final Baseline baseline;
    private final ClusterFacts cluster;
    private final SubjectVersions versions;
    private final ProductGrants grants;
    private final Map<String, List<String>> domainsByProduct;

    /**
     * @param versions the registry's newest subject versions, as far as they are known
     * @param grants   the listed products' access grants, as far as they are known
     */
    public Planner(Baseline baseline, ClusterFacts cluster, SubjectVersions versions, ProductGrants grants) {
        this.baseline = baseline;
        this.cluster = cluster;
        this.versions = versions;
        this.grants = grants;
        this.domainsByProduct = domainsByProduct(baseline);
    }

    public ProductPlan plan(Reviewed reviewed) {
        Optional<ContractReview.Result> review = reviewed.review();
        if (review.isEmpty() || !review.get().acceptable()) {
            String name = review.flatMap(ContractReview.Result::product).map(DataProduct::name).orElse(reviewed.file());
            return new ProductPlan(name, ProductPlan.Action.REJECTED, Optional.empty(), List.of(), ProductPlan.Consumers.NONE);
        }
        DataProduct product = review.get().product().orElseThrow();
        Optional<DataProduct> listed = review.get().previous();
        ProductPlan.Action action = review.get().unchanged() ? ProductPlan.Action.UNCHANGED
                : listed.isPresent() ? ProductPlan.Action.CHANGE : ProductPlan.Action.LIST;
        List<Change> changes = new ArrayList<>(topics(product, listed));
        changes.addAll(subjects(product, listed));
        changes.addAll(acls(product, listed));
        ProductPlan.Consumers consumers = new ProductPlan.Consumers(product.spec().consumers(),
                List.copyOf(baseline.downstream(product.name())), baseline.consumers().getOrDefault(product.name(), List.of()));
        return new ProductPlan(product.name(), action, listed.map(p -> p.spec().version().toString()), changes, consumers);
    }

    private List<Change> topics(DataProduct product, Optional<DataProduct> listed) {
        Map<String, TopicPlan> before = new LinkedHashMap<>();
        listed.ifPresent(p -> ProductTopicPlans.of(p, cluster.brokers()).forEach(t -> before.put(t.name(), t)));
        List<Change> changes = new ArrayList<>();
        for (TopicPlan after : ProductTopicPlans.of(product, cluster.brokers())) {
            TopicPlan old = before.get(after.name());
            if (old == null) {
                changes.add(new Change(Change.Resource.TOPIC, Change.Kind.CREATE, after.name(), shape(after)));
                continue;
            }
            List<String> differences = new ArrayList<>();
            if (old.partitions() != after.partitions()) {
                differences.add("partitions " + old.partitions() + " → " + after.partitions()
                        + (after.partitions() < old.partitions() ? " (partitions never shrink: the provisioner reports DRIFT)" : ""));
            }
            // Configs the plan no longer names are left as Kafka has them, as the provisioner does.
            new TreeMap<>(after.configs()).forEach((key, value) -> {
                if (!Objects.equals(old.configs().get(key), value)) {
                    differences.add(key + " " + old.configs().getOrDefault(key, "(unset)") + " → " + value);
                }
            });
            changes.add(differences.isEmpty() ? new Change(Change.Resource.TOPIC, Change.Kind.UNCHANGED, after.name(), "unchanged")
                    : new Change(Change.Resource.TOPIC, Change.Kind.ALTER, after.name(), String.join(", ", differences)));
        }
        return changes;
    }

    private static String shape(TopicPlan topic) {
        List<String> parts = new ArrayList<>(List.of("partitions " + topic.partitions(), "replication " + topic.replicationFactor()));
        new TreeMap<>(topic.configs()).forEach((key, value) -> parts.add(key + "=" + value));
        return String.join(", ", parts);
    }

    private List<Change> subjects(DataProduct product, Optional<DataProduct> listed) {
        Map<String, Schema> before = listed.map(Planner::schemas).orElse(Map.of());
        List<Change> changes = new ArrayList<>();
        schemas(product).forEach((subject, schema) -> {
            Schema old = before.get(subject);
            OptionalInt latest = versions.latest(subject);
            if (old != null && old.toString().equals(schema.toString())) {
                changes.add(new Change(Change.Resource.SUBJECT, Change.Kind.UNCHANGED, subject,
                        "unchanged" + (latest.isPresent() ? " (version " + latest.getAsInt() + ")" : "")));
                return;
            }
            String version = latest.isPresent() ? "version " + (latest.getAsInt() + 1) : old == null ? "version 1" : "a new version";
            changes.add(new Change(Change.Resource.SUBJECT, Change.Kind.CREATE, subject, "register " + version));
        });
        return changes;
    }

    /** Subject → schema the gate registers for a product: value and Avro key, under the product and the staging topic. */
    private static Map<String, Schema> schemas(DataProduct product) {
        ProductNames names = product.names();
        Map<String, Schema> subjects = new LinkedHashMap<>();
        subjects.put(names.valueSubject(), product.spec().value().schema());
        subjects.put(names.stagingValueSubject(), product.spec().value().schema());
        if (product.spec().key().orElse(null) instanceof KeySpec.SchemaKey key) {
            subjects.put(names.keySubject(), key.schema().schema());
            subjects.put(names.stagingKeySubject(), key.schema().schema());
        }
        return subjects;
    }

    private List<Change> acls(DataProduct product, Optional<DataProduct> listed) {
        // A retired listing has no ACLs left; grants exist only for a product listed before.
        ListedProduct listing = baseline.listed().get(product.name());
        Optional<DataProduct> withAcls = listed.filter(p -> listing == null || !listing.retired());
        Set<String> otherDomains = new TreeSet<>();
        domainsByProduct.forEach((name, domains) -> {
            if (!name.equals(product.name())) {
                otherDomains.addAll(domains);
            }
        });
        return AclChanges.of(product, withAcls, listed.isPresent() ? grants.of(product.name()) : List.of(), otherDomains);
    }

    /** Listed product → the domains it brings to the mesh's ACL plan: its owner and the domains its consumers name. */
    private static Map<String, List<String>> domainsByProduct(Baseline baseline) {
        Map<String, List<String>> domains = new HashMap<>();
        for (ListedProduct listing : baseline.listed().values()) {
            if (!listing.retired()) {
                listing.contract().product().ifPresent(p -> {
                    List<String> named = new ArrayList<>(ProductAcls.consumerDomains(p));
                    named.add(p.metadata().domain());
                    domains.put(listing.name(), named);
                });
            }
        }
        return domains;
    }
}
