package io.meshbone.cli.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Opens what {@code --against} names: a catalog URL, a folder of descriptors, or a git ref. */
public final class Baselines {

    private Baselines() {
    }

    /** Whether {@code against} names a running mesh's catalog ({@code http(s)://…}). */
    public static boolean isCatalog(String against) {
        return against.startsWith("http://") || against.startsWith("https://");
    }

    /** Nothing listed: what a plan without {@code --against} compares with. */
    public static Baseline empty() {
        return new Baseline("nothing listed", Map.of(), (subject, schema, level) -> List.of(), Map.of());
    }

    /**
     * The baseline {@code against} names: {@code http(s)://…} is a running mesh's catalog, an existing folder a
     * folder of descriptors, anything else a commit of the git repository around {@code workingFolder}. A catalog and
     * its registry are read signed in as {@code signIn} says.
     */
    public static Baseline open(String against, Path workingFolder, SignIn signIn) {
        if (isCatalog(against)) {
            return CatalogBaseline.read(against, signIn);
        }
        Path folder = Path.of(against);
        if (Files.isDirectory(folder)) {
            return DirectoryBaseline.read(folder);
        }
        if (!GitBaseline.isCommit(workingFolder, against)) {
            throw new IllegalArgumentException("--against: '" + against + "' is neither a catalog URL (http://…), a folder,"
                    + " nor a commit of the git repository at " + workingFolder.toAbsolutePath()
                    + " (expected e.g. http://localhost:8080, schemas-main/ or origin/main)");
        }
        return GitBaseline.read(workingFolder, against);
    }
}
