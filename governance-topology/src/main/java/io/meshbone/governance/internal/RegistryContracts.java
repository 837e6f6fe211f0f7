package io.meshbone.governance.internal;

import static io.meshbone.governance.internal.ConcurrentCalls.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.registry.CompatibilityResult;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryException;
import org.apache.avro.Schema;

/**
 * The contract gate's registry calls, made through the mesh's schema registry client.
 *
 * <p>Every registry write is a transaction on {@code _schemas} that the registry waits to read back, so
 * writes are made only when they change something: a level already set is not set again, a schema
 * already under the subject is looked up rather than posted, and a subject without versions is checked
 * without first giving it a level. The calls that do not depend on each other are made at once: the reads
 * of all of a contract's subjects together, then its writes together (which a registry that commits
 * concurrent writes in one transaction can batch), so a decision waits for two round trips, not ten.
 */
public final class RegistryContracts implements ContractRegistry, AutoCloseable {

    private static final int SUBJECT_NOT_FOUND = 40401;
    private static final int SCHEMA_NOT_FOUND = 40403;
    /**
     * A contract makes two calls at once for each of its four subjects at most (value and key, product and staging
     * topic), and the gate decides up to {@link ContractBatching#deciders()} contracts at once: most make fewer calls
     * (a new product's check is two reads), so half of the most they could make at once.
     */
    private static final int CONCURRENT_CALLS = 8 * ContractBatching.DEFAULT.deciders() / 2;

    private final SchemaRegistryClient client;
    private final ConcurrentCalls calls = new ConcurrentCalls("contract-gate-registry", CONCURRENT_CALLS);

    public RegistryContracts(SchemaRegistryClient client) {
        this.client = client;
    }

    @Override
    public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
        // The registry checks under the subject's own level, so that must be the contract's; a subject
        // without versions accepts any first schema whatever its level, so it is not given one yet.
        CompletableFuture<Boolean> versions = calls.start(() -> hasVersions(subject));
        if (!hasLevel(subject, level)) {
            if (!answer(versions)) {
                return List.of();
            }
            client.setCompatibility(subject, level.name());
        }
        CompatibilityResult result = client.testCompatibility(subject, schema.toString());
        if (result.compatible()) {
            return List.of();
        }
        return result.messages().isEmpty() ? List.of("the registry found it incompatible") : result.messages();
    }

    @Override
    public int register(String subject, Schema schema, Compatibility level) {
        return registerAll(List.of(new Registration(subject, schema, level))).get(0);
    }

    @Override
    public List<Integer> registerAll(List<Registration> registrations) {
        List<CompletableFuture<Boolean>> levels = new ArrayList<>();
        List<CompletableFuture<Found>> found = new ArrayList<>();
        for (Registration registration : registrations) {
            levels.add(calls.start(() -> hasLevel(registration.subject(), registration.level())));
            found.add(calls.start(() -> find(registration.subject(), registration.schema().toString())));
        }
        List<CompletableFuture<Integer>> ids = new ArrayList<>();
        for (int i = 0; i < registrations.size(); i++) {
            ids.add(write(registrations.get(i), answer(levels.get(i)), answer(found.get(i))));
        }
        return ids.stream().map(ConcurrentCalls::answer).toList();
    }

    // Starts the writes one registration still needs; completes with the schema's id.
    private CompletableFuture<Integer> write(Registration registration, boolean levelSet, Found found) {
        String subject = registration.subject();
        String level = registration.level().name();
        if (found.id().isPresent()) {
            return levelSet ? CompletableFuture.completedFuture(found.id().get())
                    : calls.start(() -> client.setCompatibility(subject, level)).thenApply(set -> found.id().get());
        }
        String text = registration.schema().toString();
        if (levelSet || !found.subjectHasVersions()) {
            // Without versions the registry checks nothing on this registration, so the level may be set beside it.
            CompletableFuture<String> setLevel = levelSet ? CompletableFuture.completedFuture(level)
                    : calls.start(() -> client.setCompatibility(subject, level));
            return calls.start(() -> client.register(subject, text)).thenCombine(setLevel, (id, set) -> id);
        }
        // The registry checks the new version under the subject's level: set it first.
        return calls.start(() -> {
            client.setCompatibility(subject, level);
            return client.register(subject, text);
        });
    }

    private Found find(String subject, String schema) {
        try {
            return new Found(Optional.of(client.lookup(subject, schema).id()), true);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_NOT_FOUND) {
                return new Found(Optional.empty(), false);
            }
            if (e.errorCode() == SCHEMA_NOT_FOUND) {
                return new Found(Optional.empty(), true);
            }
            throw e;
        }
    }

    private boolean hasLevel(String subject, Compatibility level) {
        return client.subjectCompatibility(subject).filter(level.name()::equals).isPresent();
    }

    private boolean hasVersions(String subject) {
        try {
            client.latest(subject);
            return true;
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SUBJECT_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        calls.close();
    }

    /** A schema's id under a subject, if it is there; and whether the subject has any version. */
    private record Found(Optional<Integer> id, boolean subjectHasVersions) {
    }
}
