package io.meshbone.platform.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version (semver.org 2.0.0); the major is a product's topic generation.
 *
 * @param major      incompatible changes start a new major, hence a new topic
 * @param minor      compatible additions
 * @param patch      fixes
 * @param preRelease the part after {@code -}, or empty
 * @param build      the part after {@code +}, or empty
 */
public record SemVer(int major, int minor, int patch, String preRelease, String build) {

    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    public SemVer {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative: " + major + "." + minor + "." + patch);
        }
        preRelease = preRelease == null ? "" : preRelease;
        build = build == null ? "" : build;
    }

    /** Parses {@code text}, or returns empty when it is not a semantic version. */
    public static Optional<SemVer> parse(String text) {
        Matcher m = SEMVER.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new SemVer(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4), m.group(5)));
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch
                + (preRelease.isEmpty() ? "" : "-" + preRelease)
                + (build.isEmpty() ? "" : "+" + build);
    }
}
