package io.meshbone.platform.mesh.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.contract.internal.Fields;
import io.meshbone.platform.mesh.MeshCluster;

/** Parses and checks a {@code clusters.yaml} document: {@code clusters: [{name, region, bootstrapServers, domains, exchange}]}. */
public final class ClustersFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> ROOT_KEYS = List.of("clusters");
    private static final List<String> CLUSTER_KEYS = List.of("name", "region", "bootstrapServers", "domains", "exchange");

    private ClustersFile() {
    }

    /** The clusters {@code yaml} describes; an {@link IllegalArgumentException} naming every problem otherwise. */
    public static List<MeshCluster> parse(String source, String yaml) {
        Fields fields = new Fields(source);
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not YAML: " + e.getOriginalMessage(), e);
        }
        ObjectNode document = fields.object(root, "(file)", "a mapping with clusters: [...]");
        List<MeshCluster> clusters = new ArrayList<>();
        if (document != null) {
            fields.onlyKeys(document, "", ROOT_KEYS);
            JsonNode list = fields.required(document, "", "clusters", "a list of clusters");
            if (list != null && !list.isArray()) {
                fields.problem("clusters", "expected a list of clusters, got " + Fields.describe(list));
            } else if (list != null) {
                for (int i = 0; i < list.size(); i++) {
                    cluster(fields, "clusters[" + i + "]", list.get(i), clusters);
                }
            }
        }
        if (fields.problems().isEmpty()) {
            problems(clusters).forEach(p -> fields.problem("clusters", p));
        }
        if (!fields.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", fields.problems().stream().map(Object::toString).toList()));
        }
        return clusters;
    }

    private static void cluster(Fields fields, String path, JsonNode node, List<MeshCluster> out) {
        ObjectNode cluster = fields.object(node, path, "a mapping with name, region, bootstrapServers, domains");
        if (cluster == null) {
            return;
        }
        fields.onlyKeys(cluster, path, CLUSTER_KEYS);
        String name = fields.requiredText(cluster, path, "name", "a lower-kebab cluster name, e.g. eu");
        String region = fields.requiredText(cluster, path, "region", "a lower-kebab region, e.g. eu");
        String bootstrap = fields.requiredText(cluster, path, "bootstrapServers", "host:port[,host:port]");
        List<String> domains = fields.textList(cluster, path, "domains", "lower-kebab domain names");
        JsonNode exchange = cluster.get("exchange");
        if (exchange != null && !exchange.isBoolean()) {
            fields.problem(path + ".exchange", "expected true or false, got " + Fields.describe(exchange));
        }
        if (name != null && region != null && bootstrap != null && domains != null && !domains.contains(null)) {
            out.add(new MeshCluster(name, region, bootstrap, domains, exchange != null && exchange.asBoolean()));
        }
    }

    /** What is wrong with {@code clusters} as a topology: names, regions, domains, the one exchange. */
    public static List<String> problems(List<MeshCluster> clusters) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> hostOf = new HashMap<>();
        for (MeshCluster cluster : clusters) {
            if (!ProductNames.isNamePart(cluster.name())) {
                problems.add("cluster name '" + cluster.name() + "' is not lower-kebab (expected e.g. eu)");
            } else if (!names.add(cluster.name())) {
                problems.add("cluster '" + cluster.name() + "' is named twice (expected each cluster once)");
            }
            if (!ProductNames.isNamePart(cluster.region())) {
                problems.add("cluster '" + cluster.name() + "': region '" + cluster.region() + "' is not lower-kebab (expected e.g. eu)");
            }
            if (cluster.bootstrapServers().isBlank()) {
                problems.add("cluster '" + cluster.name() + "': bootstrapServers is blank (expected host:port)");
            }
            for (String domain : cluster.domains()) {
                String other = hostOf.putIfAbsent(domain, cluster.name());
                if (!ProductNames.isNamePart(domain)) {
                    problems.add("cluster '" + cluster.name() + "': domain '" + domain + "' is not lower-kebab");
                } else if (other != null) {
                    problems.add("domain '" + domain + "' is hosted by both '" + other + "' and '" + cluster.name()
                            + "' (expected one cluster per domain)");
                }
            }
        }
        long exchanges = clusters.stream().filter(MeshCluster::exchange).count();
        if (exchanges != 1) {
            problems.add(exchanges + " clusters are marked exchange: true (expected exactly one)");
        }
        return problems;
    }
}
