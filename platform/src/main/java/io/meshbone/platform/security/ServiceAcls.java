package io.meshbone.platform.security;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DELETE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;
import static org.apache.kafka.common.resource.PatternType.LITERAL;
import static org.apache.kafka.common.resource.PatternType.PREFIXED;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.meshbone.platform.control.MeshTopics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The static ACLs of the mesh's own services in a secure cluster: each service's {@code _mesh.*} and
 * {@code _schemas} topics, its consumer groups, transactional ids and Kafka Streams internal topics (by the
 * {@code <application.id>} prefix). Grants per product (who writes a staging topic, who reads a product) are not
 * here: the provisioner's ACL reconciler makes them from {@code _mesh.products}.
 */
public final class ServiceAcls {

    /** The control-plane request topics only the catalog (and the admin) write. */
    public static final List<String> REQUEST_TOPICS = List.of(MeshTopics.PRODUCT_REQUESTS, MeshTopics.POLICY_REQUESTS,
            "_mesh.access-requests", "_mesh.domain-requests");
    static final String CONTRACT_GATE_ID = "meshbone-contract-gate";
    static final String RECORD_GATE_ID = "meshbone-record-gate";
    static final String REGISTRY_TRANSACTIONS = "meshbone-schema-registry-";
    static final String CONNECT_GROUP = "meshbone-connect";
    static final String CONNECT_TOPICS = "_connect";
    /** The prefix of the MirrorMaker 2 connectors' names, {@code meshbone-replication-<source>-to-<target>}. */
    static final String REPLICATION_CONNECTORS = "meshbone-replication-";
    static final String MESH_TOPICS = "_mesh.";
    private static final String ANY = "*";

    private ServiceAcls() {
    }

    /** Every service's static grants. */
    public static List<AclBinding> services() {
        List<AclBinding> acls = new ArrayList<>();
        acls.addAll(registry());
        acls.addAll(gate());
        acls.addAll(provisioner());
        acls.addAll(catalog());
        acls.addAll(connect());
        acls.addAll(demo());
        return acls;
    }

    /** The schema registry: its {@code _schemas} topic and the single writer's transactional id. */
    static List<AclBinding> registry() {
        Grants grants = new Grants(MeshPrincipals.REGISTRY);
        grants.topic(LITERAL, MeshTopics.SCHEMAS, ALL);
        grants.transactionalId(PREFIXED, REGISTRY_TRANSACTIONS, ALL);
        grants.group(PREFIXED, "meshbone-schema-registry", READ, DESCRIBE);
        // Changes to a listed product's subjects are the gate's alone: the registry reads the listings to know them.
        grants.topic(LITERAL, MeshTopics.PRODUCTS, READ, DESCRIBE);
        return grants.acls();
    }

    /**
     * The contract gate and the record gate: two Streams apps that read the requests and the staging topics and
     * write the listings, decisions, policies, product topics and dead letters. Product topics come from the
     * reconciler; the mesh's own topics are here.
     */
    static List<AclBinding> gate() {
        Grants grants = new Grants(MeshPrincipals.GATE);
        for (String app : List.of(CONTRACT_GATE_ID, RECORD_GATE_ID)) {
            grants.streamsApp(app);
        }
        REQUEST_TOPICS.forEach(topic -> grants.topic(LITERAL, topic, READ, DESCRIBE, DESCRIBE_CONFIGS));
        for (String topic : List.of(MeshTopics.PRODUCTS, MeshTopics.DECISIONS, MeshTopics.POLICIES, MeshTopics.UNLISTED_DLQ,
                MeshTopics.ACCESS_GRANTS, MeshTopics.DOMAINS)) {
            grants.topic(LITERAL, topic, READ, WRITE, DESCRIBE, DESCRIBE_CONFIGS);
        }
        grants.topic(LITERAL, MeshTopics.LINEAGE, WRITE, DESCRIBE);
        // The gate keeps the mesh topics' shape at every start (MeshTopicPlans.internal): it creates the missing
        // ones and, on a restart, compares and corrects the configs of those that exist.
        grants.topic(PREFIXED, MESH_TOPICS, CREATE, DESCRIBE_CONFIGS, ALTER_CONFIGS);
        return grants.acls();
    }

    /**
     * The provisioner: creates, alters and deletes every product's topics and, as the ACL reconciler, the ACLs
     * (cluster ALTER and DESCRIBE); it reads the listings and reports to the decisions topic.
     */
    static List<AclBinding> provisioner() {
        Grants grants = new Grants(MeshPrincipals.PROVISIONER);
        grants.topic(LITERAL, ANY, CREATE, DELETE, ALTER, ALTER_CONFIGS, DESCRIBE, DESCRIBE_CONFIGS);
        grants.topic(LITERAL, MeshTopics.PRODUCTS, READ);
        // The ACL reconciler folds the grants and the domains beside the listings.
        grants.topic(LITERAL, MeshTopics.ACCESS_GRANTS, READ);
        grants.topic(LITERAL, MeshTopics.DOMAINS, READ);
        grants.topic(LITERAL, MeshTopics.DECISIONS, READ, WRITE);
        grants.cluster(ALTER, DESCRIBE, CREATE);
        return grants.acls();
    }

    /** The catalog: reads the mesh's topics, writes the control-plane requests on behalf of the signed-in principal. */
    static List<AclBinding> catalog() {
        Grants grants = new Grants(MeshPrincipals.CATALOG);
        for (String topic : List.of(MeshTopics.PRODUCTS, MeshTopics.DECISIONS, MeshTopics.POLICIES, MeshTopics.LINEAGE,
                MeshTopics.SCHEMAS, MeshTopics.ACCESS_GRANTS, MeshTopics.DOMAINS)) {
            grants.topic(LITERAL, topic, READ, DESCRIBE, DESCRIBE_CONFIGS);
        }
        REQUEST_TOPICS.forEach(topic -> grants.topic(LITERAL, topic, WRITE, READ, DESCRIBE, DESCRIBE_CONFIGS));
        grants.topic(PREFIXED, MESH_TOPICS, CREATE);
        // Live consumers: every consumer group's members and committed offsets.
        grants.group(LITERAL, ANY, DESCRIBE);
        grants.cluster(DESCRIBE);
        return grants.acls();
    }

    /** The Connect worker: its {@code _connect-*} topics, its group and its sink connectors' groups. */
    static List<AclBinding> connect() {
        Grants grants = new Grants(MeshPrincipals.CONNECT);
        grants.topic(PREFIXED, CONNECT_TOPICS, ALL);
        grants.group(PREFIXED, CONNECT_GROUP, ALL);
        grants.group(PREFIXED, "connect-", ALL);
        grants.transactionalId(PREFIXED, CONNECT_GROUP, ALL);
        grants.topic(LITERAL, MeshTopics.PRODUCTS, READ, DESCRIBE);
        grants.topic(LITERAL, MeshTopics.LINEAGE, WRITE, DESCRIBE);
        return grants.acls();
    }

    /**
     * MirrorMaker 2 of an isolated mesh, on every cluster: it follows the source's listings, writes the
     * {@code mirror:} lineage on the target and, copying exactly once, commits its source offsets to the target
     * worker's offsets topic in transactions of its own ({@code <worker group>-meshbone-replication-…}). The product
     * topics it reads and writes are granted per copy ({@code CopyAcls}).
     */
    public static List<AclBinding> mirror() {
        Grants grants = new Grants(MeshPrincipals.MIRROR);
        grants.topic(LITERAL, MeshTopics.PRODUCTS, READ, DESCRIBE);
        grants.topic(LITERAL, MeshTopics.LINEAGE, WRITE, DESCRIBE);
        grants.topic(LITERAL, CONNECT_TOPICS + "-offsets", WRITE, DESCRIBE);
        grants.transactionalId(PREFIXED, CONNECT_GROUP + "-" + REPLICATION_CONNECTORS, WRITE, DESCRIBE);
        return grants.acls();
    }

    /** The demo generator reads the listings to wait for the apps; its raw topics are per domain, see the reconciler. */
    static List<AclBinding> demo() {
        Grants grants = new Grants(MeshPrincipals.DEMO);
        grants.topic(LITERAL, MeshTopics.PRODUCTS, READ, DESCRIBE);
        grants.group(PREFIXED, "meshbone-demo", READ, DESCRIBE);
        return grants.acls();
    }

    /**
     * What the apps of {@code domain} need besides their products: their Streams apps' internal topics, groups and
     * transactional ids by the {@code <domain>-} prefix of their application ids, their raw topics
     * ({@code <domain>.raw}), the listings and lineage. Every app part makes sure all raw topics of
     * {@code rawDomains} exist, so it may create and describe those, without reading or writing them.
     */
    public static List<AclBinding> domainApps(String domain, Collection<String> rawDomains) {
        Grants grants = new Grants(MeshPrincipals.app(domain));
        grants.streamsApp(domain + "-");
        grants.topic(PREFIXED, domain + ".raw", ALL);
        rawDomains.forEach(other -> grants.topic(PREFIXED, other + ".raw", CREATE, DESCRIBE));
        grants.topic(LITERAL, MeshTopics.PRODUCTS, READ, DESCRIBE);
        grants.topic(LITERAL, MeshTopics.LINEAGE, WRITE, DESCRIBE);
        return grants.acls();
    }

    /** The demo generator's raw topics of {@code domain}. */
    public static List<AclBinding> demoRawTopics(String domain) {
        Grants grants = new Grants(MeshPrincipals.DEMO);
        grants.topic(PREFIXED, domain + ".raw", WRITE, CREATE, DESCRIBE, DESCRIBE_CONFIGS);
        return grants.acls();
    }

    /** Allow-grants of one principal. */
    static final class Grants {

        private final String principal;
        private final List<AclBinding> acls = new ArrayList<>();

        Grants(String name) {
            this.principal = MeshPrincipals.kafkaPrincipal(name);
        }

        void topic(PatternType type, String name, AclOperation... operations) {
            add(ResourceType.TOPIC, type, name, operations);
        }

        void group(PatternType type, String name, AclOperation... operations) {
            add(ResourceType.GROUP, type, name, operations);
        }

        void transactionalId(PatternType type, String name, AclOperation... operations) {
            add(ResourceType.TRANSACTIONAL_ID, type, name, operations);
        }

        void cluster(AclOperation... operations) {
            add(ResourceType.CLUSTER, LITERAL, "kafka-cluster", operations);
        }

        /** A Streams app's internal topics, group and transactional ids all start with its application id. */
        void streamsApp(String applicationIdPrefix) {
            topic(PREFIXED, applicationIdPrefix, ALL);
            group(PREFIXED, applicationIdPrefix, ALL);
            transactionalId(PREFIXED, applicationIdPrefix, ALL);
        }

        private void add(ResourceType resource, PatternType type, String name, AclOperation... operations) {
            for (AclOperation operation : operations) {
                acls.add(new AclBinding(new ResourcePattern(resource, name, type),
                        new AccessControlEntry(principal, ANY, operation, AclPermissionType.ALLOW)));
            }
        }

        List<AclBinding> acls() {
            return List.copyOf(acls);
        }
    }
}
