package io.meshbone.http;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a mutating request (POST, PUT, PATCH, DELETE) must carry so that a web page on another site cannot have sent
 * it: a content type of the service's own, and a {@code Host} (and an {@code Origin}, when there is one) that name
 * the service.
 *
 * @param contentTypes media types a request body may have, lower case, without parameters
 * @param hosts        host names a {@code Host} header may carry (any port): loopback names, the bound host and the
 *                     configured ones, lower case, IPv6 without brackets
 * @param origins      origins ({@code scheme://host[:port]}) allowed beside the service's own
 */
public record RequestRules(Set<String> contentTypes, Set<String> hosts, Set<String> origins) {

    /** The names every service answers to: it is always reachable on loopback. */
    public static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
    private static final Set<String> WILDCARDS = Set.of("", "0.0.0.0", "::", "[::]");

    public RequestRules {
        contentTypes = lower(contentTypes);
        hosts = lower(hosts);
        origins = lower(origins);
    }

    /**
     * Rules for a service that takes {@code contentTypes}, listens on {@code boundHost}, and answers to
     * {@code moreHosts} and to pages of {@code moreOrigins} too.
     */
    public static RequestRules of(Set<String> contentTypes, String boundHost, List<String> moreHosts, List<String> moreOrigins) {
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
        if (!WILDCARDS.contains(boundHost.trim())) {
            hosts.add(hostName(boundHost));
        }
        moreHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).map(RequestRules::hostName).forEach(hosts::add);
        Set<String> origins = new LinkedHashSet<>();
        moreOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).map(RequestRules::origin).forEach(origins::add);
        return new RequestRules(contentTypes, hosts, origins);
    }

    /** A host as compared: lower case, IPv6 brackets and a trailing dot removed. */
    static String hostName(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String origin(String origin) {
        String text = origin.toLowerCase(Locale.ROOT);
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> copy = new LinkedHashSet<>();
        values.forEach(v -> copy.add(v.toLowerCase(Locale.ROOT)));
        return Set.copyOf(copy);
    }
}
