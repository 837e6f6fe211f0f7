package io.meshbone.catalog;

import io.meshbone.localkafka.testing.SharedKafka;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** A JUnit extension sharing one {@link CatalogMesh} on the shared broker per test JVM; list it after {@link SharedKafka}. */
final class SharedCatalogMesh implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedCatalogMesh.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CatalogMesh.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SharedKafka.cluster(context);
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(MeshResource.class, key -> MeshResource.start(), MeshResource.class).mesh();
    }

    /** The mesh holds the shared broker until it has closed, whatever order JUnit closes the stores in. */
    private record MeshResource(CatalogMesh mesh) implements ExtensionContext.Store.CloseableResource {

        static MeshResource start() {
            try {
                return new MeshResource(CatalogMesh.start(SharedKafka.acquire()));
            } catch (Exception e) {
                SharedKafka.release();
                throw new IllegalStateException("the catalog ITs' mesh did not start", e);
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
