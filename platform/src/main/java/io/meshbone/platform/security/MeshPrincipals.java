package io.meshbone.platform.security;

import java.util.ArrayList;
import java.util.List;

/**
 * The principals of a secure mesh: one admin, one per mesh service, one per domain's apps and one per domain team.
 * Kafka knows each as {@code User:<name>}; HTTP basic auth as {@code <name>}, with the same password.
 */
public final class MeshPrincipals {

    /** The only super user. */
    public static final String ADMIN = "admin";
    public static final String REGISTRY = "registry";
    /** The contract gate and the record gate. */
    public static final String GATE = "gate";
    public static final String PROVISIONER = "provisioner";
    public static final String CATALOG = "catalog";
    public static final String CONNECT = "connect";
    public static final String DEMO = "demo";
    /**
     * MirrorMaker 2 in an isolated mesh: reads the copied products on their home cluster and writes the copies on the
     * others. Not one of {@link #SERVICES}: a co-located mesh copies nothing.
     */
    public static final String MIRROR = "mirror";
    /** The mesh services, in the order {@code up} starts them. */
    public static final List<String> SERVICES = List.of(REGISTRY, GATE, PROVISIONER, CATALOG, CONNECT, DEMO);
    /** The example domains {@code up} runs. */
    public static final List<String> EXAMPLE_DOMAINS = List.of("orders", "payments", "customers", "shipping");

    private static final String USER = "User:";

    private MeshPrincipals() {
    }

    /** The principal the apps of {@code domain} share; their application ids start with {@code <domain>-}. */
    public static String app(String domain) {
        return "app-" + domain;
    }

    /** The principal of {@code domain}'s team, which applies its contracts. */
    public static String team(String domain) {
        return "team-" + domain;
    }

    /** {@code gate} → {@code User:gate}. */
    public static String kafkaPrincipal(String name) {
        return USER + name;
    }

    /** The admin, every service, and the app and team principal of each of {@code domains}. */
    public static List<String> all(List<String> domains) {
        List<String> names = new ArrayList<>();
        names.add(ADMIN);
        names.addAll(SERVICES);
        domains.forEach(domain -> names.add(app(domain)));
        domains.forEach(domain -> names.add(team(domain)));
        return names;
    }
}
