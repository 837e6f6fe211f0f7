package io.meshbone.platform.lineage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a job too big for one record of {@code _mesh.lineage} (1 MiB) reports in parts: part 1 under the job's own name,
 * part {@code n} from 2 on under {@code <job>.part-<n>}, each its own key, so compaction keeps every part. A reader
 * takes the union of a job's parts as the job ({@link #jobOf}).
 */
public final class LineageParts {

    private static final Pattern PART = Pattern.compile("(.+)\\.part-([2-9]|[1-9][0-9]+)");

    private LineageParts() {
    }

    /** The job name part {@code part} (from 1) of {@code job} reports under. */
    public static String name(String job, int part) {
        if (part < 1) {
            throw new IllegalArgumentException("parts count from 1, got " + part);
        }
        return part == 1 ? job : job + ".part-" + part;
    }

    /** The job a reported job name is part of: {@code x} for {@code x.part-2}, else the name itself. */
    public static String jobOf(String name) {
        Matcher m = PART.matcher(name);
        return m.matches() ? m.group(1) : name;
    }
}
