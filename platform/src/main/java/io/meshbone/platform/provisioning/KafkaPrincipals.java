package io.meshbone.platform.provisioning;

import java.util.Set;

import io.meshbone.platform.security.MeshPrincipals;

/**
 * The mesh's principals as Kafka ACLs name them, {@code User:<name>}, from the names {@link MeshPrincipals} fixes:
 * the admin, one per mesh service, and per domain its team ({@code User:team-<domain>}) and its apps
 * ({@code User:app-<domain>}, whose application ids start with {@code <domain>-}).
 */
public final class KafkaPrincipals {

    /** The only super user; it needs no ACLs and Meshbone never manages any for it. */
    public static final String ADMIN = MeshPrincipals.kafkaPrincipal(MeshPrincipals.ADMIN);
    public static final String REGISTRY = MeshPrincipals.kafkaPrincipal(MeshPrincipals.REGISTRY);
    /** The contract gate and the record gate. */
    public static final String GATE = MeshPrincipals.kafkaPrincipal(MeshPrincipals.GATE);
    public static final String PROVISIONER = MeshPrincipals.kafkaPrincipal(MeshPrincipals.PROVISIONER);
    public static final String CATALOG = MeshPrincipals.kafkaPrincipal(MeshPrincipals.CATALOG);
    public static final String CONNECT = MeshPrincipals.kafkaPrincipal(MeshPrincipals.CONNECT);
    public static final String DEMO = MeshPrincipals.kafkaPrincipal(MeshPrincipals.DEMO);

    /** Every mesh service's principal. */
    public static final Set<String> SERVICES = Set.of(REGISTRY, GATE, PROVISIONER, CATALOG, CONNECT, DEMO);

    private static final String TEAM_PREFIX = MeshPrincipals.kafkaPrincipal(MeshPrincipals.team(""));
    private static final String APP_PREFIX = MeshPrincipals.kafkaPrincipal(MeshPrincipals.app(""));

    private KafkaPrincipals() {
    }

    /** {@code User:team-<domain>}, the domain team's people and tools. */
    public static String team(String domain) {
        return MeshPrincipals.kafkaPrincipal(MeshPrincipals.team(domain));
    }

    /** {@code User:app-<domain>}, the domain's Kafka Streams apps and producers. */
    public static String app(String domain) {
        return MeshPrincipals.kafkaPrincipal(MeshPrincipals.app(domain));
    }

    /** Whether Meshbone owns every ACL of {@code principal}: a service, a domain team or a domain's apps. */
    public static boolean isMeshPrincipal(String principal) {
        return SERVICES.contains(principal) || principal.startsWith(TEAM_PREFIX) || principal.startsWith(APP_PREFIX);
    }
}
