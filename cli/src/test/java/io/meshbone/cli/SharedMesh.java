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
                .getOrComputeIfAbsent(MeshResource.class, key -> new MeshResource(start(bootstrap)), MeshResource.class)
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

    private record MeshResource(EmbeddedMesh mesh) implements AutoCloseable {
        @Override
        public void close() {
            mesh.close();
        }
    }
}
