package io.meshbone.platform.control;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;

/**
 * A product as listed in the registry topic {@code _mesh.products} (compacted, key = product name).
 *
 * <p>It keeps the accepted descriptor and its files verbatim, so every reader parses the same
 * contract, plus the facts the gate fixed when it accepted it.
 *
 * @param name           the product name, {@code <domain>.<product>}
 * @param descriptorPath the descriptor's path as applied
 * @param descriptor     the accepted {@code *.product.yaml} text
 * @param files          relative path → text of each schema file the descriptor names
 * @param valueSchemaId  the registry id of the value schema
 * @param keySchemaId    the registry id of the key schema, or null for string keys and keyless events
 * @param requestId      the request that listed this version
 * @param principal      who listed it; the domain's owner until the Security issue brings ACLs
 * @param listedAt       when it was listed
 * @param retired        true once retired: readers keep it for history, the gate stops admitting records
 * @param deprecation    the owner's announced sunset and successor, or null; left out of the JSON when null, so a
 *                       listing without one reads as before
 */
public record ListedProduct(String name, String descriptorPath, String descriptor, Map<String, String> files,
                            int valueSchemaId, Integer keySchemaId, String requestId, String principal, Instant listedAt,
                            boolean retired, @JsonInclude(JsonInclude.Include.NON_NULL) Deprecation deprecation) {

    public ListedProduct {
        files = files == null ? Map.of() : Map.copyOf(files);
    }

    /** A listing that is not deprecated. */
    public ListedProduct(String name, String descriptorPath, String descriptor, Map<String, String> files,
                         int valueSchemaId, Integer keySchemaId, String requestId, String principal, Instant listedAt,
                         boolean retired) {
        this(name, descriptorPath, descriptor, files, valueSchemaId, keySchemaId, requestId, principal, listedAt, retired, null);
    }

    /** This listing, deprecated as {@code value} says (null: not deprecated). */
    public ListedProduct withDeprecation(Deprecation value) {
        return new ListedProduct(name, descriptorPath, descriptor, files, valueSchemaId, keySchemaId, requestId, principal,
                listedAt, retired, value);
    }

    /**
     * Why a record read from {@code _mesh.products} under {@code key} is not a listing the gate wrote, or empty when it
     * is one: the gate always writes a name, descriptor and request id, and keys each listing by its product's name.
     * Every reader of the topic skips such a record rather than let it replace or stop anything.
     */
    public static Optional<String> unusableUnder(String key, ListedProduct listing) {
        if (listing == null || listing.name() == null || listing.descriptor() == null || listing.requestId() == null) {
            return Optional.of("it lacks name, descriptor or requestId");
        }
        if (!listing.name().equals(key)) {
            return Optional.of("it lists '" + listing.name() + "' under the key '" + key + "'");
        }
        return Optional.empty();
    }

    /** The listed contract, parsed from the descriptor and files it was accepted with; never throws. */
    public ParsedDescriptor contract() {
        // A record written to the topic by something other than the gate may lack either; that is a problem, not a throw.
        String shownAs = descriptorPath != null ? descriptorPath : String.valueOf(name);
        return ProductDescriptors.parse(shownAs, descriptor == null ? "" : descriptor, SchemaFiles.of(files));
    }
}
