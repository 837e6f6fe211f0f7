package io.meshbone.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.cli.serve.PartContext;
import io.meshbone.http.HttpSecurity;
import io.meshbone.platform.security.AclGrants;
import io.meshbone.platform.security.CredentialStore;
import io.meshbone.platform.security.MeshCredentials;
import io.meshbone.platform.security.MeshPrincipals;
import io.meshbone.platform.security.ScramRegistration;
import io.meshbone.platform.security.ServiceAcls;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;

/**
 * The principals of a secure {@code meshbone up}: their credential files, SCRAM users and ACLs, and the client
 * settings with which each part logs in as its own principal.
 */
public final class SecureParts {

    private final String bootstrapServers;
    private final Map<String, Object> adminConfig;
    private final CredentialStore store;
    private final Map<String, MeshCredentials> credentials = new LinkedHashMap<>();
    private final List<AclBinding> staticAcls = new ArrayList<>();

    private SecureParts(String bootstrapServers, Map<String, Object> adminConfig, CredentialStore store) {
        this.bootstrapServers = bootstrapServers;
        this.adminConfig = Map.copyOf(adminConfig);
        this.store = store;
    }

    /**
     * Writes the credentials of the admin, every service and the example domains' apps and teams, registers them
     * as SCRAM users and grants the services' static ACLs, through the admin's login.
     */
    public static SecureParts prepare(CredentialStore store, Map<String, Object> adminConfig) {
        return prepare(store, adminConfig, List.of(), List.of());
    }

    /**
     * As {@link #prepare(CredentialStore, Map)}, with {@code morePrincipals} (e.g. {@link MeshPrincipals#MIRROR}) and
     * {@code moreAcls}, granted with the services' on this cluster and on each one {@link #register registered} later.
     */
    public static SecureParts prepare(CredentialStore store, Map<String, Object> adminConfig, List<String> morePrincipals,
                                      List<AclBinding> moreAcls) {
        SecureParts parts = new SecureParts(adminConfig.get("bootstrap.servers").toString(), adminConfig, store);
        List<String> domains = MeshPrincipals.EXAMPLE_DOMAINS;
        List<String> names = new ArrayList<>(MeshPrincipals.all(domains));
        names.addAll(morePrincipals);
        store.ensureAll(names).forEach(c -> parts.credentials.put(c.name(), c));
        parts.staticAcls.addAll(ServiceAcls.services());
        domains.forEach(domain -> {
            parts.staticAcls.addAll(ServiceAcls.domainApps(domain, domains));
            parts.staticAcls.addAll(ServiceAcls.demoRawTopics(domain));
        });
        parts.staticAcls.addAll(moreAcls);
        parts.register(adminConfig);
        return parts;
    }

    /**
     * Registers the same principals, with the same passwords, as SCRAM users of the cluster {@code adminConfig} logs
     * in to, and grants them the same static ACLs there: one credentials folder logs in to every cluster of a mesh.
     */
    public void register(Map<String, Object> clusterAdminConfig) {
        try (Admin admin = Admin.create(clusterAdminConfig)) {
            // The admin logs in with the credential made at format time, so it is left as it is.
            ScramRegistration.register(admin, credentials.values().stream()
                    .filter(c -> !c.name().equals(MeshPrincipals.ADMIN)).toList());
            AclGrants.grant(admin, staticAcls);
        }
    }

    /** {@code context} with the Kafka and registry logins of {@code principal}, on the cluster {@code context} names. */
    public PartContext as(String principal, PartContext context) {
        Map<String, Object> config = clientConfig(principal);
        config.put("bootstrap.servers", context.bootstrapServers());
        return new PartContext(config, context.registryUrl(), context.host(), context.stateDir(), context.meters(),
                context.health());
    }

    /** The HTTP services sign callers in as the principals of the credentials folder. */
    public HttpSecurity http() {
        return HttpSecurity.open().withUsersFile(httpUsersFile());
    }

    /** The credentials file of {@code principal}, as {@code --credentials} and {@code --config} take it. */
    public Path file(String principal) {
        return store.file(principal);
    }

    /** The folder of the credential files. */
    public Path directory() {
        return store.directory();
    }

    /** The {@code <name>: <password>} file the registry, the catalog and Connect sign callers in with. */
    public Path httpUsersFile() {
        return store.httpUsersFile();
    }

    /** The admin's client settings. */
    public Map<String, Object> adminConfig() {
        return adminConfig;
    }

    /** Client settings with which a part logs in as {@code User:<name>}: Kafka and the registry's basic auth. */
    public Map<String, Object> clientConfig(String name) {
        MeshCredentials principal = credentials.get(name);
        if (principal == null) {
            throw new IllegalArgumentException("no credentials for principal " + name + "; known: " + credentials.keySet());
        }
        Map<String, Object> config = new HashMap<>(principal.clientConfig());
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** Grants {@code acls} on the cluster {@code clusterAdminConfig} logs in to, as its admin. */
    public static void grant(Map<String, Object> clusterAdminConfig, Collection<AclBinding> acls) {
        try (Admin admin = Admin.create(clusterAdminConfig)) {
            AclGrants.grant(admin, acls);
        }
    }
}
