package io.meshbone.platform.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/** Registers principals' SCRAM-SHA-512 credentials with a cluster and waits until its brokers know them. */
public final class ScramRegistration {

    private static final int ITERATIONS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ScramRegistration() {
    }

    /** Creates or replaces each principal's SCRAM credential, through an admin login. */
    public static void register(Admin admin, Collection<MeshCredentials> credentials) {
        List<UserScramCredentialAlteration> upserts = credentials.stream()
                .<UserScramCredentialAlteration>map(c -> new UserScramCredentialUpsertion(c.name(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), c.password()))
                .toList();
        Set<String> names = credentials.stream().map(MeshCredentials::name).collect(Collectors.toSet());
        try {
            admin.alterUserScramCredentials(upserts).all().get();
            awaitListed(admin, names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering SCRAM users " + names, e);
        } catch (ExecutionException e) {
            // The broker's message names users and the refusal, never a password.
            throw new IllegalStateException("cannot register SCRAM users " + names + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    // The controller commits the alteration; brokers apply it moments later.
    private static void awaitListed(Admin admin, Set<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, UserScramCredentialsDescription> described =
                        admin.describeUserScramCredentials(List.copyOf(names)).all().get();
                if (described.keySet().containsAll(names)) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // ResourceNotFoundException while some user has not reached the answering broker
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SCRAM users " + names + " not all visible within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
