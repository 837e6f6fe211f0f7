package io.meshbone.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ProductTopicPlans;
import io.meshbone.platform.provisioning.TopicPlan;

/** Renders the topics a product needs as Strimzi {@code KafkaTopic} resources, with the configs the provisioner applies. */
final class StrimziTopics {

    static final String API_VERSION = "kafka.strimzi.io/v1";
    static final String CLUSTER_LABEL = "strimzi.io/cluster";
    static final String PRODUCT_ANNOTATION = "meshbone.io/product";
    // Kubernetes object names are DNS-1123 subdomains; product topic names are lower-kebab parts joined by dots.
    private static final Pattern RESOURCE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // Topic configs stay strings, exactly as the provisioner sets them: "604800000", not 604800000.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private final String cluster;
    private final int replicas;

    /**
     * @param cluster  the Strimzi {@code Kafka} resource the topics belong to
     * @param replicas the replication factor of every topic; at 3 or more, {@code min.insync.replicas=2} as the provisioner sets
     */
    StrimziTopics(String cluster, int replicas) {
        if (!cluster.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            throw new IllegalArgumentException("--cluster " + cluster + ": expected the name of a Kafka resource (lower-case letters, digits and '-')");
        }
        if (replicas < 1 || replicas > Short.MAX_VALUE) {
            throw new IllegalArgumentException("--replicas " + replicas + ": expected a replication factor from 1 to " + Short.MAX_VALUE);
        }
        this.cluster = cluster;
        this.replicas = replicas;
    }

    /** The product, staging and DLQ topic resources of {@code product}, in that order. */
    List<ObjectNode> resources(DataProduct product) {
        List<ObjectNode> resources = new ArrayList<>();
        for (TopicPlan plan : ProductTopicPlans.of(product, replicas)) {
            resources.add(resource(product.name(), plan));
        }
        return resources;
    }

    private ObjectNode resource(String productName, TopicPlan plan) {
        if (!RESOURCE_NAME.matcher(plan.name()).matches() || plan.name().length() > 253) {
            throw new IllegalArgumentException("topic " + plan.name() + " of " + productName
                    + " is not a valid Kubernetes resource name (expected a DNS-1123 subdomain)");
        }
        ObjectNode topic = YAML.createObjectNode();
        topic.put("apiVersion", API_VERSION);
        topic.put("kind", "KafkaTopic");
        ObjectNode metadata = topic.putObject("metadata");
        metadata.put("name", plan.name());
        metadata.putObject("labels").put(CLUSTER_LABEL, cluster).put("app.kubernetes.io/part-of", "meshbone");
        metadata.putObject("annotations").put(PRODUCT_ANNOTATION, productName);
        ObjectNode spec = topic.putObject("spec");
        spec.put("partitions", plan.partitions());
        spec.put("replicas", replicas);
        ObjectNode config = spec.putObject("config");
        new TreeMap<>(plan.configs()).forEach(config::put);
        return topic;
    }

    /** One resource as a YAML document. */
    static String yaml(ObjectNode resource) {
        try {
            return YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + resource.path("metadata").path("name").asText() + " as YAML", e);
        }
    }

    /** The file a resource is written to under the output folder. */
    static String fileName(ObjectNode resource) {
        return resource.path("metadata").path("name").asText() + ".yaml";
    }
}
