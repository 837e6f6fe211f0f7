package io.meshbone.localkafka.testing;

import java.security.SecureRandom;
import java.util.Base64;

import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.LocalKafka;
import io.meshbone.localkafka.LocalKafkaSettings;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that shares one secure {@link LocalKafka} (SASL/SCRAM-SHA-512, ACLs,
 * {@code User:admin} the only super user) across the security test classes of a JVM.
 *
 * <p>It is separate from {@link SharedKafka}, so tests that do not test security keep an open
 * broker. Tests take a {@link LocalKafka} or {@link KafkaCluster} parameter; its
 * {@code clientConfig()} logs in as the admin, {@link LocalKafka#clientConfig(String, String)}
 * as a user added with {@link io.meshbone.localkafka.ScramUsers}.
 */
public final class SharedSecureKafka implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedSecureKafka.class);

    private static LocalKafka current;
    private static int holders;

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == KafkaCluster.class || type == LocalKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return cluster(context);
    }

    /** The JVM's shared secure cluster, started on first use and stopped when the test run ends. */
    public static LocalKafka cluster(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClusterResource.class, key -> new ClusterResource(acquire()), ClusterResource.class)
                .cluster();
    }

    /** The shared secure cluster for code outside Jupiter extensions; give it back with {@link #release()}. */
    public static synchronized LocalKafka acquire() {
        if (holders++ == 0) {
            current = LocalKafka.start(LocalKafkaSettings.defaults().withSecurity(randomPassword()));
        }
        return current;
    }

    /** Gives back what {@link #acquire()} handed out; the last holder stops the cluster. */
    public static synchronized void release() {
        if (holders == 0) {
            throw new IllegalStateException("SharedSecureKafka.release() without acquire()");
        }
        if (--holders == 0) {
            LocalKafka cluster = current;
            current = null;
            cluster.close();
        }
    }

    /** A fresh random password of the characters a SCRAM login takes unquoted. */
    public static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record ClusterResource(LocalKafka cluster) implements AutoCloseable {
        @Override
        public void close() {
            release();
        }
    }
}
