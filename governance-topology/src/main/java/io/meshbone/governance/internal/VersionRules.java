package io.meshbone.governance.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductSpec;
import io.meshbone.platform.contract.SemVer;

/**
 * What may change between the listed version of a product and a new one.
 *
 * <p>A new major starts a new topic generation and may change anything. Within a major, the
 * version must move forward, and no promise consumers rely on may weaken: type (and with it the
 * cleanup policy), key, partitions downward, compatibility level and retention stay or get
 * stricter; the schema's compatibility itself is checked by the registry.
 */
public final class VersionRules {

    /** What an absent {@code spec.retention} gets: Kafka's default {@code log.retention.hours=168}. */
    static final Duration BROKER_DEFAULT_RETENTION = Duration.ofDays(7);

    // Largest unit first, as descriptors write durations: 168 hours reads 7d.
    private static final Map<String, Long> UNITS_MS = units();

    private VersionRules() {
    }

    /** Every way {@code requested} breaks a promise of the {@code listed} version (none across majors), one reason each. */
    public static List<String> check(String file, DataProduct listed, DataProduct requested) {
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
        String newMajor = "needs a new major version (" + (was.major() + 1) + ".0.0)";
        if (before.type() != after.type()) {
            reasons.add(file + ": spec.type: changes from " + before.type().text() + " to " + after.type().text()
                    + " within major " + now.major() + " (and with it the topic's cleanup policy); expected a new major version for that");
        }
        if (!sameKind(before, after)) {
            reasons.add(file + ": spec.key: changes how records are keyed within major " + now.major()
                    + "; expected a new major version for that");
        }
        if (after.partitions() < before.partitions()) {
            reasons.add(file + ": spec.partitions: " + after.partitions() + " is fewer than the listed " + before.partitions()
                    + "; partitions cannot shrink without breaking key order");
        }
        if (!keepsPromiseOf(after.compatibility(), before.compatibility())) {
            reasons.add(file + ": spec.compatibility: " + after.compatibility() + " is weaker than the listed " + was + "'s "
                    + before.compatibility() + " (expected " + before.compatibility() + " or stricter); weakening compatibility "
                    + newMajor);
        }
        if (effectiveRetention(after.retention()).compareTo(effectiveRetention(before.retention())) < 0) {
            reasons.add(file + ": spec.retention: " + retentionText(after.retention()) + " is shorter than the listed " + was
                    + "'s " + retentionText(before.retention()) + "; shrinking retention " + newMajor);
        }
        return reasons;
    }

    /**
     * True when a product at level {@code now} still checks everything {@code was} promised: it checks at least
     * the same directions (backward, forward), against every version when {@code was} did. The order is
     * NONE &lt; BACKWARD, FORWARD &lt; FULL, each below its _TRANSITIVE variant; BACKWARD and FORWARD are not comparable.
     */
    static boolean keepsPromiseOf(Compatibility now, Compatibility was) {
        boolean directions = (!backward(was) || backward(now)) && (!forward(was) || forward(now));
        return directions && (!transitive(was) || transitive(now));
    }

    private static boolean backward(Compatibility level) {
        return level.name().startsWith("BACKWARD") || level.name().startsWith("FULL");
    }

    private static boolean forward(Compatibility level) {
        return level.name().startsWith("FORWARD") || level.name().startsWith("FULL");
    }

    private static boolean transitive(Compatibility level) {
        return level.name().endsWith("_TRANSITIVE");
    }

    private static Duration effectiveRetention(Optional<Duration> retention) {
        return retention.orElse(BROKER_DEFAULT_RETENTION);
    }

    private static String retentionText(Optional<Duration> retention) {
        return retention.map(VersionRules::durationText)
                .orElse("broker default (taken as Kafka's " + durationText(BROKER_DEFAULT_RETENTION) + ")");
    }

    private static String durationText(Duration duration) {
        long millis = duration.toMillis();
        for (Map.Entry<String, Long> unit : UNITS_MS.entrySet()) {
            if (millis % unit.getValue() == 0) {
                return millis / unit.getValue() + unit.getKey();
            }
        }
        return millis + "ms";
    }

    private static Map<String, Long> units() {
        Map<String, Long> units = new LinkedHashMap<>();
        units.put("d", Duration.ofDays(1).toMillis());
        units.put("h", Duration.ofHours(1).toMillis());
        units.put("m", Duration.ofMinutes(1).toMillis());
        units.put("s", 1000L);
        return units;
    }

    private static boolean sameKind(ProductSpec before, ProductSpec after) {
        return before.key().map(Object::getClass).equals(after.key().map(Object::getClass))
                && before.key().map(VersionRules::keyName).equals(after.key().map(VersionRules::keyName));
    }

    private static String keyName(KeySpec key) {
        return key instanceof KeySpec.FieldKey field ? field.field() : "avro";
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
