package io.meshbone.platform.contract.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a contract's schema files inside its folder: names are plain file names, and a link that resolves
 * outside the folder is not followed, so applying or importing a contract never reads or writes elsewhere.
 */
public final class FolderFiles {

    /** What a schema file name must look like, for messages. */
    public static final String EXPECTED = "a plain file name inside the folder, e.g. payment-settled.avsc"
            + " (no folders, '..' or absolute paths)";

    private FolderFiles() {
    }

    /** True for a name like {@code payment-settled.avsc}: no separators, no drive, not {@code .} or {@code ..}. */
    public static boolean isPlainFileName(String name) {
        return !name.isBlank() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf(':') < 0 && name.indexOf('\0') < 0;
    }

    /**
     * Why {@code name} in {@code folder} leaves the folder (an absolute or {@code ..} path, or a link resolving
     * outside it), or empty when it stays inside; a missing file stays inside.
     */
    public static Optional<String> leavesFolder(Path folder, String name) throws IOException {
        Path base = folder.toAbsolutePath().normalize();
        Path target = base.resolve(name).normalize();
        if (!target.startsWith(base)) {
            return Optional.of("'" + name + "' resolves to " + target + ", outside " + base);
        }
        if (Files.isSymbolicLink(target) && !Files.exists(target)) {
            // Writing through a dangling link would create its target, wherever that is.
            return Optional.of("'" + name + "' is a link to " + Files.readSymbolicLink(target) + ", which does not exist");
        }
        if (!Files.exists(target)) {
            return Optional.empty();
        }
        Path real = target.toRealPath();
        Path realBase = base.toRealPath();
        return real.startsWith(realBase) ? Optional.empty()
                : Optional.of("'" + name + "' is a link to " + real + ", outside " + realBase);
    }
}
