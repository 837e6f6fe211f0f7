package io.meshbone.platform.control;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A request to list (or retire) a data product, as written to {@code _mesh.product-requests}.
 *
 * <p>It carries the descriptor and every file it names as text, so the gate judges exactly what
 * the requester had on disk.
 *
 * @param requestId      unique id that the {@link Decision} echoes
 * @param action         {@link Action#APPLY} or {@link Action#RETIRE}
 * @param principal      who asks, e.g. {@code User:team-orders}
 * @param descriptorPath the descriptor's path as the requester named it, for error messages
 * @param descriptor     the {@code *.product.yaml} text
 * @param files          relative path → text of each schema file the descriptor names
 * @param requestedAt    when the request was made
 */
public record ProductRequest(String requestId, Action action, String principal, String descriptorPath,
                             String descriptor, Map<String, String> files, Instant requestedAt) {

    /** What the requester wants done. */
    public enum Action { APPLY, RETIRE }

    public ProductRequest {
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** A new apply request with a fresh id. */
    public static ProductRequest apply(String principal, String descriptorPath, String descriptor, Map<String, String> files) {
        return new ProductRequest(UUID.randomUUID().toString(), Action.APPLY, principal, descriptorPath, descriptor, files, Instant.now());
    }
}
