package io.meshbone.registry.internal;

/** Wires the endpoints of the Confluent-compatible API onto one router. */
public final class RegistryApi {

    private RegistryApi() {
    }

    public static Router router(RegistryState state, KafkaStore store, String clusterId) {
        Registrar registrar = new Registrar(store, state);
        Router router = new Router();
        new SubjectRoutes(state, registrar, new Deleter(store)).addTo(router);
        new SchemaRoutes(state).addTo(router);
        new SettingsRoutes(state, new Settings(store), registrar, clusterId).addTo(router);
        return router;
    }
}
