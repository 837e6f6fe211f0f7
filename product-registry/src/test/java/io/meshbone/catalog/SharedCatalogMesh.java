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
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(CatalogMesh.class, key -> start(context), CatalogMesh.class);
    }

    private static CatalogMesh start(ExtensionContext context) {
        try {
            return CatalogMesh.start(SharedKafka.cluster(context));
        } catch (Exception e) {
            throw new IllegalStateException("the catalog ITs' mesh did not start", e);
        }
    }
}
