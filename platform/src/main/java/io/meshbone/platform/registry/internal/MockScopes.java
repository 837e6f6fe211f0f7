package io.meshbone.platform.registry.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The JVM's in-memory registries, one per {@code mock://} scope, shared by every client of that scope. */
public final class MockScopes {

    public static final String SCHEME = "mock";

    private static final Map<String, InMemoryRegistry> REGISTRIES = new ConcurrentHashMap<>();

    private MockScopes() {
    }

    /** The scope of a {@code mock://<scope>} URL list, or empty when the URLs name real registries. */
    public static Optional<String> scopeOf(List<URI> urls) {
        List<URI> mocks = urls.stream().filter(url -> SCHEME.equalsIgnoreCase(url.getScheme())).toList();
        if (mocks.isEmpty()) {
            return Optional.empty();
        }
        if (urls.size() > 1) {
            throw new IllegalArgumentException("schema.registry.url: a mock:// URL must be the only URL, got " + urls);
        }
        String text = mocks.get(0).toString();
        String scope = text.substring(SCHEME.length() + "://".length()).replaceAll("/$", "");
        if (scope.isEmpty() || scope.contains("/")) {
            throw new IllegalArgumentException("schema.registry.url: expected mock://<scope> with a non-empty scope and no path, got "
                    + text);
        }
        return Optional.of(scope);
    }

    /** The registry of {@code scope}, made empty on first use. */
    public static InMemoryRegistry registry(String scope) {
        return REGISTRIES.computeIfAbsent(scope, s -> new InMemoryRegistry());
    }

    /** Forgets {@code scope}: the next client of it starts from an empty registry. */
    public static void drop(String scope) {
        REGISTRIES.remove(scope);
    }
}
