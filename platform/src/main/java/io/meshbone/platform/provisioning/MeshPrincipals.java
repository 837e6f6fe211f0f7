package io.meshbone.platform.provisioning;

import java.util.Set;

/**
 * The Kafka principals of a secure mesh, named once: the admin, one per mesh service, and per domain its team
 * ({@code User:team-<domain>}) and its apps ({@code User:app-<domain>}, whose application ids start with {@code <domain>-}).
 */
public final class MeshPrincipals {

    /** The only super user; it needs no ACLs and Meshbone never manages any for it. */
    public static final String ADMIN = "User:admin";
    public static final String REGISTRY = "User:registry";
    /** The contract gate and the record gate. */
    public static final String GATE = "User:gate";
    public static final String PROVISIONER = "User:provisioner";
    public static final String CATALOG = "User:catalog";
    public static final String CONNECT = "User:connect";
    public static final String DEMO = "User:demo";

    /** Every mesh service's principal. */
    public static final Set<String> SERVICES = Set.of(REGISTRY, GATE, PROVISIONER, CATALOG, CONNECT, DEMO);

    private static final String TEAM_PREFIX = "User:team-";
    private static final String APP_PREFIX = "User:app-";

    private MeshPrincipals() {
    }

    /** {@code User:team-<domain>}, the domain team's people and tools. */
    public static String team(String domain) {
        return TEAM_PREFIX + domain;
    }

    /** {@code User:app-<domain>}, the domain's Kafka Streams apps and producers. */
    public static String app(String domain) {
        return APP_PREFIX + domain;
    }

    /** Whether Meshbone owns every ACL of {@code principal}: a service, a domain team or a domain's apps. */
    public static boolean isMeshPrincipal(String principal) {
        return SERVICES.contains(principal) || principal.startsWith(TEAM_PREFIX) || principal.startsWith(APP_PREFIX);
    }
}
