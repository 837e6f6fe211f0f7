package io.meshbone.platform.security;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.ALTER;
import static org.apache.kafka.common.acl.AclOperation.ALTER_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE_CONFIGS;
import static org.apache.kafka.common.acl.AclOperation.IDEMPOTENT_WRITE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.provisioning.Acls;
import io.meshbone.platform.provisioning.MeshPrincipals;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The fixed ACLs of the mesh services, which no contract changes: who reads and writes {@code _schemas} and the
 * {@code _mesh.*} topics, and the services' own groups, internal topics and transactional ids.
 *
 * <p>Each control-plane topic has one writer: only the catalog (and the admin, a super user) writes the request
 * topics, only the gate writes {@code _mesh.products}, {@code _mesh.decisions}, {@code _mesh.policies},
 * {@code _mesh.access-grants} and {@code _mesh.domains}, only the registry writes {@code _schemas}.
 */
public final class ServiceAcls {

    /** The topics every service may read: the mesh's control plane. */
    public static final String MESH_PREFIX = "_mesh.";
    /** The request topics the catalog writes on users' behalf. */
    public static final List<String> REQUEST_TOPICS = List.of(MeshTopics.PRODUCT_REQUESTS, MeshTopics.POLICY_REQUESTS,
            MeshTopics.ACCESS_REQUESTS, MeshTopics.DOMAIN_REQUESTS);
    /** The topics the gate alone writes. */
    public static final List<String> GATE_TOPICS = List.of(MeshTopics.PRODUCTS, MeshTopics.DECISIONS, MeshTopics.POLICIES,
            MeshTopics.ACCESS_GRANTS, MeshTopics.DOMAINS, MeshTopics.LINEAGE, MeshTopics.UNLISTED_DLQ);
    private static final List<String> GATE_APPLICATION_IDS = List.of("meshbone-contract-gate", "meshbone-record-gate");
    private static final String REGISTRY_PREFIX = "meshbone-schema-registry";
    private static final String CONNECT_GROUP = "meshbone-connect";
    /** Connect's config, offset and status topics, and the groups of its sink connectors ({@code connect-<name>}). */
    private static final String CONNECT_TOPICS = "_connect-";
    private static final String SINK_GROUPS = "connect-";

    private ServiceAcls() {
    }

    /** Every service's fixed bindings. */
    public static List<AclBinding> all() {
        List<AclBinding> bindings = new ArrayList<>();
        bindings.addAll(registry());
        bindings.addAll(gate());
        bindings.addAll(provisioner());
        bindings.addAll(catalog());
        bindings.addAll(connect());
        return bindings;
    }

    static List<AclBinding> registry() {
        String registry = MeshPrincipals.REGISTRY;
        List<AclBinding> bindings = new ArrayList<>();
        bindings.addAll(Acls.topic(registry, MeshTopics.SCHEMAS, READ, WRITE, DESCRIBE, CREATE, DESCRIBE_CONFIGS));
        bindings.addAll(Acls.transactionalIdPrefix(registry, REGISTRY_PREFIX, WRITE, DESCRIBE));
        bindings.addAll(Acls.groupPrefix(registry, REGISTRY_PREFIX, READ, DESCRIBE));
        bindings.addAll(Acls.cluster(registry, IDEMPOTENT_WRITE));
        return bindings;
    }

    static List<AclBinding> gate() {
        String gate = MeshPrincipals.GATE;
        List<AclBinding> bindings = new ArrayList<>();
        // The gate makes the mesh's topics when it starts first (Governance), hence CREATE and the config rights.
        bindings.addAll(Acls.topicPrefix(gate, MESH_PREFIX, READ, DESCRIBE, CREATE, DESCRIBE_CONFIGS, ALTER_CONFIGS));
        GATE_TOPICS.forEach(topic -> bindings.addAll(Acls.topic(gate, topic, WRITE)));
        for (String applicationId : GATE_APPLICATION_IDS) {
            bindings.addAll(Acls.topicPrefix(gate, applicationId + "-", ALL));
            bindings.addAll(Acls.groupPrefix(gate, applicationId, READ, DESCRIBE));
            bindings.addAll(Acls.transactionalIdPrefix(gate, applicationId, WRITE, DESCRIBE));
        }
        bindings.addAll(Acls.cluster(gate, IDEMPOTENT_WRITE));
        return bindings;
    }

    static List<AclBinding> provisioner() {
        String provisioner = MeshPrincipals.PROVISIONER;
        List<AclBinding> bindings = new ArrayList<>();
        // Creating topics and ACLs needs CREATE and ALTER on the cluster, describing ACLs DESCRIBE.
        bindings.addAll(Acls.cluster(provisioner, CREATE, ALTER, DESCRIBE, IDEMPOTENT_WRITE));
        // Any topic a contract names: describe it, grow its partitions, set its configs; never read or write it.
        bindings.addAll(Acls.topic(provisioner, "*", DESCRIBE, CREATE, ALTER, DESCRIBE_CONFIGS, ALTER_CONFIGS));
        bindings.addAll(Acls.topicPrefix(provisioner, MESH_PREFIX, READ, DESCRIBE));
        bindings.addAll(Acls.topic(provisioner, MeshTopics.DECISIONS, WRITE));
        return bindings;
    }

    static List<AclBinding> catalog() {
        String catalog = MeshPrincipals.CATALOG;
        List<AclBinding> bindings = new ArrayList<>();
        bindings.addAll(Acls.topicPrefix(catalog, MESH_PREFIX, READ, DESCRIBE));
        REQUEST_TOPICS.forEach(topic -> bindings.addAll(Acls.topic(catalog, topic, WRITE)));
        bindings.addAll(Acls.groupPrefix(catalog, "meshbone-catalog", READ, DESCRIBE));
        bindings.addAll(Acls.cluster(catalog, IDEMPOTENT_WRITE));
        return bindings;
    }

    static List<AclBinding> connect() {
        String connect = MeshPrincipals.CONNECT;
        List<AclBinding> bindings = new ArrayList<>();
        bindings.addAll(Acls.topicPrefix(connect, CONNECT_TOPICS, READ, WRITE, DESCRIBE, CREATE, DESCRIBE_CONFIGS));
        bindings.addAll(Acls.groupPrefix(connect, CONNECT_GROUP, READ, DESCRIBE));
        bindings.addAll(Acls.groupPrefix(connect, SINK_GROUPS, READ, DESCRIBE));
        bindings.addAll(Acls.transactionalIdPrefix(connect, CONNECT_GROUP, WRITE, DESCRIBE));
        bindings.addAll(Acls.cluster(connect, IDEMPOTENT_WRITE));
        return bindings;
    }
}
