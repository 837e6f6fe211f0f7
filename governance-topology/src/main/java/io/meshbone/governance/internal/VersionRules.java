package io.meshbone.governance.internal;

import java.util.ArrayList;
import java.util.List;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductSpec;
import io.meshbone.platform.contract.SemVer;

/**
 * What may change between the listed version of a product and a new one.
 *
 * <p>A new major starts a new topic generation and may change anything. Within a major, the
 * version must move forward, and the facts consumers and the topic depend on (type, key,
 * partitions downward) stay as they are; the schema's compatibility is checked by the registry.
 */
final class VersionRules {

    private VersionRules() {
    }

    static List<String> check(String file, DataProduct listed, DataProduct requested) {
        List<String> reasons = new ArrayList<>();
        SemVer was = listed.spec().version();
        SemVer now = requested.spec().version();
        int order = compare(now, was);
        if (order == 0) {
            reasons.add(file + ": spec.version: " + now + " is already listed with a different contract; expected a higher version");
            return reasons;
        }
        if (order < 0) {
            reasons.add(file + ": spec.version: " + now + " is older than the listed " + was + "; expected a version above it");
            return reasons;
        }
        if (now.major() != was.major()) {
            return reasons;
        }
        ProductSpec before = listed.spec();
        ProductSpec after = requested.spec();
        if (before.type() != after.type()) {
            reasons.add(file + ": spec.type: changes from " + before.type().text() + " to " + after.type().text()
                    + " within major " + now.major() + "; expected a new major version for that");
        }
        if (!sameKind(before, after)) {
            reasons.add(file + ": spec.key: changes how records are keyed within major " + now.major()
                    + "; expected a new major version for that");
        }
        if (after.partitions() < before.partitions()) {
            reasons.add(file + ": spec.partitions: " + after.partitions() + " is fewer than the listed " + before.partitions()
                    + "; partitions cannot shrink without breaking key order");
        }
        return reasons;
    }

    private static boolean sameKind(ProductSpec before, ProductSpec after) {
        return before.key().map(Object::getClass).equals(after.key().map(Object::getClass))
                && before.key().map(VersionRules::keyName).equals(after.key().map(VersionRules::keyName));
    }

    private static String keyName(io.meshbone.platform.contract.KeySpec key) {
        return key instanceof io.meshbone.platform.contract.KeySpec.FieldKey field ? field.field() : "avro";
    }

    private static int compare(SemVer a, SemVer b) {
        int major = Integer.compare(a.major(), b.major());
        if (major != 0) {
            return major;
        }
        int minor = Integer.compare(a.minor(), b.minor());
        return minor != 0 ? minor : Integer.compare(a.patch(), b.patch());
    }
}
