package io.meshbone.cli.plan;

import java.util.OptionalInt;

import io.meshbone.cli.check.Baselines;
import io.meshbone.cli.check.CatalogGet;
import io.meshbone.cli.check.SignIn;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;

/** The newest version of a subject in the registry a plan compares with; unknown offline. */
@FunctionalInterface
public interface SubjectVersions {

    /** Offline: no registry to ask. */
    SubjectVersions UNKNOWN = subject -> OptionalInt.empty();

    /** The newest registered version of {@code subject}; empty when it has none or when no registry is known. */
    OptionalInt latest(String subject);

    /**
     * The registry of the mesh behind {@code against} when it is a catalog URL (the registry its products name), else
     * {@link #UNKNOWN}; the catalog and the registry are read signed in as {@code signIn} says.
     */
    static SubjectVersions of(String against, SignIn signIn) {
        if (against == null || !Baselines.isCatalog(against)) {
            return UNKNOWN;
        }
        String url = CatalogGet.address(against, signIn).map(a -> a.path("schemaRegistryUrl").asText("")).orElse("");
        if (url.isEmpty()) {
            return UNKNOWN;
        }
        SchemaRegistryClient registry = new SchemaRegistryClient(signIn.registry(url));
        return subject -> {
            try {
                return registry.versions(subject).stream().mapToInt(Integer::intValue).max();
            } catch (SchemaRegistryException e) {
                if (e.status() == 401 || e.status() == 403) {
                    throw signIn.refused("the schema registry at " + url, e.status(), e.getMessage());
                }
                // 40401: no such subject yet; anything else is a real failure.
                if (e.errorCode() == 40401) {
                    return OptionalInt.empty();
                }
                throw e;
            }
        };
    }
}
