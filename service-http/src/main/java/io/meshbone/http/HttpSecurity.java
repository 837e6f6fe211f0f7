package io.meshbone.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.server.Handler;

/**
 * Who may call a service and from where: the users file that turns on basic authentication (secure mode), and the
 * host names and origins its mutating requests may name beside loopback and the bound host.
 *
 * @param usersFile      {@code <name>: <password>} lines (Jetty's {@code HashLoginService} format); empty = open mode
 * @param allowedHosts   more names a mutating request's {@code Host} may carry, such as {@code registry} in a compose network
 * @param allowedOrigins more origins ({@code https://portal.example}) whose pages may send mutating requests
 */
public record HttpSecurity(Optional<Path> usersFile, List<String> allowedHosts, List<String> allowedOrigins) {

    public HttpSecurity {
        Objects.requireNonNull(usersFile, "usersFile");
        allowedHosts = List.copyOf(allowedHosts);
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Open mode, loopback and the bound host only. */
    public static HttpSecurity open() {
        return new HttpSecurity(Optional.empty(), List.of(), List.of());
    }

    /** True when callers must sign in. */
    public boolean secure() {
        return usersFile.isPresent();
    }

    public HttpSecurity withUsersFile(Path value) {
        return new HttpSecurity(Optional.ofNullable(value), allowedHosts, allowedOrigins);
    }

    public HttpSecurity withAllowedHosts(List<String> value) {
        return new HttpSecurity(usersFile, value, allowedOrigins);
    }

    public HttpSecurity withAllowedOrigins(List<String> value) {
        return new HttpSecurity(usersFile, allowedHosts, value);
    }

    /**
     * {@code api} as a service on {@code boundHost} serves it: mutating requests checked against {@code contentTypes}
     * and the names (refusals worded by {@code words}), then basic auth in {@code realm} when there is a users file.
     */
    public Handler protect(Handler api, String realm, String boundHost, Set<String> contentTypes,
                           java.util.function.BiFunction<Integer, String, Reply> words) {
        Handler inner = usersFile.map(file -> BasicAuthentication.protect(api, realm, file)).orElse(api);
        return new RequestGuard(inner, RequestRules.of(contentTypes, boundHost, allowedHosts, allowedOrigins), words);
    }
}
