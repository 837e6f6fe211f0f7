package io.meshbone.platform.control;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A request to list, deprecate or retire a data product, as written to {@code _mesh.product-requests}.
 *
 * <p>It carries the descriptor and every file it names as text, so the gate judges exactly what
 * the requester had on disk. A retire or deprecate request names the product in {@code descriptorPath}.
 *
 * @param requestId      unique id that the {@link Decision} echoes
 * @param action         {@link Action#APPLY}, {@link Action#DEPRECATE} or {@link Action#RETIRE}
 * @param principal      who asks, e.g. {@code User:team-orders}
 * @param descriptorPath the descriptor's path as the requester named it, for error messages; the product's name on
 *                       a retire or deprecate request
 * @param descriptor     the {@code *.product.yaml} text
 * @param files          relative path → text of each schema file the descriptor names
 * @param requestedAt    when the request was made
 * @param deprecate      on a {@link Action#DEPRECATE} request, the sunset and successor asked for; else null
 */
public record ProductRequest(String requestId, Action action, String principal, String descriptorPath,
                             String descriptor, Map<String, String> files, Instant requestedAt,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Deprecate deprecate) {

    /** What the requester wants done. */
    public enum Action { APPLY, RETIRE, DEPRECATE }

    /**
     * What a deprecate request asks for, as the requester typed it: the gate checks and parses it.
     *
     * @param sunset    an ISO date ({@code 2027-06-30}), today or later
     * @param successor a listed product's name, not the deprecated one
     * @param reason    why, for consumers; may be null
     */
    public record Deprecate(String sunset, String successor, String reason) {
    }

    public ProductRequest {
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** A request without deprecation terms. */
    public ProductRequest(String requestId, Action action, String principal, String descriptorPath,
                          String descriptor, Map<String, String> files, Instant requestedAt) {
        this(requestId, action, principal, descriptorPath, descriptor, files, requestedAt, null);
    }

    /** A new apply request with a fresh id. */
    public static ProductRequest apply(String principal, String descriptorPath, String descriptor, Map<String, String> files) {
        return new ProductRequest(UUID.randomUUID().toString(), Action.APPLY, principal, descriptorPath, descriptor, files, Instant.now());
    }

    /** A new request to retire the listed {@code product}, with a fresh id. */
    public static ProductRequest retire(String principal, String product) {
        return new ProductRequest(UUID.randomUUID().toString(), Action.RETIRE, principal, product, null, Map.of(), Instant.now());
    }

    /** A new request to deprecate the listed {@code product} in favour of {@code successor}, with a fresh id. */
    public static ProductRequest deprecate(String principal, String product, String sunset, String successor, String reason) {
        return new ProductRequest(UUID.randomUUID().toString(), Action.DEPRECATE, principal, product, null, Map.of(),
                Instant.now(), new Deprecate(sunset, successor, reason));
    }
}
