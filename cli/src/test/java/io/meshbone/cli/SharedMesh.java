package io.meshbone.cli;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** A JUnit extension sharing one {@link EmbeddedMesh} (on the shared broker, free ports, demo traffic on) per test JVM. */
final class SharedMesh implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedMesh.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedMesh.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String bootstrap = SharedKafka.cluster(context).bootstrapServers();
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MeshResource.class, key -> MeshResource.start(bootstrap), MeshResource.class)
                .mesh();
    }

    private static EmbeddedMesh start(String bootstrap) {
        try {
            long started = System.nanoTime();
            EmbeddedMesh mesh = EmbeddedMesh.start(new EmbeddedMesh.Settings(bootstrap, null, 0, 0, -1, true, line -> { }));
            System.out.printf("shared mesh ready in %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
            return mesh;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mesh holds the shared broker until it has closed, whatever order JUnit closes the stores in. */
    private record MeshResource(EmbeddedMesh mesh) implements AutoCloseable {

        static MeshResource start(String bootstrap) {
            SharedKafka.acquire();
            try {
                return new MeshResource(SharedMesh.start(bootstrap));
            } catch (RuntimeException e) {
                SharedKafka.release();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                mesh.close();
            } finally {
                SharedKafka.release();
            }
        }
    }
}
