package io.meshbone.registry.internal;

import java.util.Set;

import io.meshbone.http.JettyErrors;
import io.meshbone.http.Reply;
import io.meshbone.http.Routes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The Confluent-compatible API on Jetty: its routes, and the error handler that words Jetty's own errors alike.
 *
 * <p>A request body must have one of the content types Confluent's resources consume ({@link #CONTENT_TYPES}); all
 * parse as JSON.
 */
public final class RegistryApi {

    /** Confluent's v1, unversioned and plain JSON types, and its generic octet-stream (which no browser sends cross-site unasked). */
    public static final Set<String> CONTENT_TYPES = Set.of("application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

    private RegistryApi() {
    }

    public static Handler handler(RegistryState state, KafkaStore store, String clusterId, int maxBodyBytes) {
        return handler(state, store, clusterId, maxBodyBytes, Access.OPEN);
    }

    /** The routes, asking {@code access} before every change. */
    public static Handler handler(RegistryState state, KafkaStore store, String clusterId, int maxBodyBytes, Access access) {
        Registrar registrar = new Registrar(store, state);
        WriteForwarding forwarding = new WriteForwarding(store, state);
        Routes routes = new Routes(new RegistryAnswers(maxBodyBytes), maxBodyBytes);
        new SubjectRoutes(state, registrar, new Deleter(store), access, forwarding).addTo(routes);
        new SchemaRoutes(state).addTo(routes);
        new SettingsRoutes(state, new Settings(store), registrar, clusterId, access, forwarding).addTo(routes);
        return routes.handler();
    }

    /** A request the guard refused (403 foreign Host or Origin, 415 content type), as {@code {error_code, message}}. */
    public static Reply refusal(int status, String message) {
        return RegistryAnswers.error(Errors.http(status, message));
    }

    public static ErrorHandler errorHandler() {
        return new JettyErrors(RegistryAnswers::jettyError);
    }
}
