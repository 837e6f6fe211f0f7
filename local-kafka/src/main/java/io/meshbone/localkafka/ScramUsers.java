package io.meshbone.localkafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.admin.UserScramCredentialsDescription;

/** Adds SCRAM-SHA-512 users to a secure cluster and waits until the brokers know them. */
public final class ScramUsers {

    private static final int ITERATIONS = 8192;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ScramUsers() {
    }

    /** Creates or replaces {@code user}'s credential; returns once a describe lists it. */
    public static void upsert(Admin admin, String user, String password) {
        KafkaSecurity.scramJaas(user, password);
        try {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                    user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)))
                    .all().get();
            awaitListed(admin, user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding SCRAM user " + user, e);
        } catch (ExecutionException e) {
            // The cause names the user and the refusal, never the password.
            throw new IllegalStateException("cannot add SCRAM user " + user + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Adds {@code user} through the cluster's admin login. */
    public static void upsert(KafkaCluster cluster, String user, String password) {
        try (Admin admin = Admin.create(cluster.adminClientConfig())) {
            upsert(admin, user, password);
        }
    }

    // alterUserScramCredentials answers when the controller commits; brokers apply it moments later.
    private static void awaitListed(Admin admin, String user) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                Map<String, UserScramCredentialsDescription> described =
                        admin.describeUserScramCredentials(List.of(user)).all().get();
                UserScramCredentialsDescription description = described.get(user);
                if (description != null && description.credentialInfos().stream()
                        .anyMatch(info -> info.mechanism() == ScramMechanism.SCRAM_SHA_512)) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // ResourceNotFoundException until the user reaches the broker that answers
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("SCRAM user " + user + " not visible within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
