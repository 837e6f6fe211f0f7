package io.meshbone.platform.registry;

import io.meshbone.platform.registry.internal.MockScopes;

/**
 * In-memory schema registries for hermetic tests, one per scope, reached with {@code schema.registry.url=mock://<scope>}.
 *
 * <p>Every client and serde of a scope in one JVM shares its registry, so a test's serializers and the topology under
 * test see the same ids, as with Confluent's {@code MockSchemaRegistry}. The registry follows the real one's rules for
 * what clients use (ids, versions, compatibility levels and checks, error codes). Drop the scope after each test so the
 * next starts empty.
 */
public final class MockSchemaRegistry {

    /** The URL scheme that selects an in-memory registry. */
    public static final String URL_PREFIX = MockScopes.SCHEME + "://";

    private MockSchemaRegistry() {
    }

    /** The {@code schema.registry.url} value for {@code scope}. */
    public static String url(String scope) {
        return URL_PREFIX + scope;
    }

    /** A client of the registry of {@code scope}, like {@code MockSchemaRegistry.getClientForScope(scope)}. */
    public static SchemaRegistryClient clientForScope(String scope) {
        return new SchemaRegistryClient(SchemaRegistryClientSettings.of(url(scope)));
    }

    /** Forgets {@code scope}'s schemas, ids and settings; clients made afterwards start from an empty registry. */
    public static void dropScope(String scope) {
        MockScopes.drop(scope);
    }
}
