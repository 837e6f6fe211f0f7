package io.meshbone.governance.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the product name and major version out of a staging topic's name. */
public final class StagingTopics {

    /** {@code <domain>.<product>.v<major>.staging}, the only topics the gate reads. */
    public static final Pattern PATTERN = Pattern.compile("([a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*)\\.v(\\d+)\\.staging");

    private StagingTopics() {
    }

    /**
     * The staging topic's product and generation, if the name has the staging shape.
     *
     * @param product the product name, {@code <domain>.<product>}
     * @param major   the topic generation
     */
    public record StagingTopic(String product, int major, String productTopic, String dlqTopic) {
        StagingTopic(String product, int major) {
            this(product, major, product + ".v" + major, product + ".v" + major + ".dlq");
        }
    }

    /** Empty when the name is not a staging topic's, or its major is not an int written without leading zeros. */
    public static Optional<StagingTopic> parse(String topic) {
        Matcher matcher = PATTERN.matcher(topic);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(2);
        // v99999999999 or v01: the pattern source reads them (a broker may auto-create any name), but no product's
        // topics are named so; v01 must not pass as v1.
        if (digits.length() > 1 && digits.charAt(0) == '0' || digits.length() > 10) {
            return Optional.empty();
        }
        long major = Long.parseLong(digits);
        return major > Integer.MAX_VALUE ? Optional.empty() : Optional.of(new StagingTopic(matcher.group(1), (int) major));
    }
}
