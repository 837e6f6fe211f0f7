package io.meshbone.registry.internal;

import io.meshbone.http.JettyErrors;
import io.meshbone.http.Routes;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The Confluent-compatible API on Jetty: its routes, and the error handler that words Jetty's own errors alike.
 *
 * <p>Request content types are not enforced: Confluent's v1, unversioned and plain JSON types, and
 * octet-stream, all parse as JSON.
 */
public final class RegistryApi {

    private RegistryApi() {
    }

    public static Handler handler(RegistryState state, KafkaStore store, String clusterId, int maxBodyBytes) {
        Registrar registrar = new Registrar(store, state);
        Routes routes = new Routes(new RegistryAnswers(maxBodyBytes), maxBodyBytes);
        new SubjectRoutes(state, registrar, new Deleter(store)).addTo(routes);
        new SchemaRoutes(state).addTo(routes);
        new SettingsRoutes(state, new Settings(store), registrar, clusterId).addTo(routes);
        return routes.handler();
    }

    public static ErrorHandler errorHandler() {
        return new JettyErrors(RegistryAnswers::jettyError);
    }
}
