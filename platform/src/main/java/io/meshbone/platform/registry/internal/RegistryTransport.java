package io.meshbone.platform.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;

/** Carries one registry REST call (method, path with query, JSON body) and answers the 200 body or throws. */
public interface RegistryTransport {

    /** Answers the parsed 200 body; a {@link io.meshbone.platform.registry.SchemaRegistryException} otherwise. */
    JsonNode call(String method, String pathAndQuery, JsonNode body);

    /** An in-memory registry for a {@code mock://<scope>} URL (hermetic tests), HTTP for anything else. */
    static RegistryTransport of(SchemaRegistryClientSettings settings) {
        return MockScopes.scopeOf(settings.urls())
                .<RegistryTransport>map(scope -> new InMemoryTransport(MockScopes.registry(scope)))
                .orElseGet(() -> new RestTransport(settings));
    }
}
