package io.meshbone.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
    private final Map<String, MeshCredentials> credentials = new HashMap<>();

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
        SecureParts parts = new SecureParts(adminConfig.get("bootstrap.servers").toString(), adminConfig, store);
        List<String> domains = MeshPrincipals.EXAMPLE_DOMAINS;
        List<MeshCredentials> all = store.ensureAll(MeshPrincipals.all(domains));
        all.forEach(c -> parts.credentials.put(c.name(), c));
        List<AclBinding> acls = new ArrayList<>(ServiceAcls.services());
        domains.forEach(domain -> {
            acls.addAll(ServiceAcls.domainApps(domain, domains));
            acls.addAll(ServiceAcls.demoRawTopics(domain));
        });
        try (Admin admin = Admin.create(adminConfig)) {
            // The admin logs in with the credential made at format time, so it is left as it is.
            ScramRegistration.register(admin, all.stream().filter(c -> !c.name().equals(MeshPrincipals.ADMIN)).toList());
            AclGrants.grant(admin, acls);
        }
        return parts;
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
}
