package io.meshbone.cli.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ListedProduct;

/**
 * A baseline read from a commit of the git repository around the working folder ({@code git ls-tree}, {@code git show}):
 * every descriptor in that commit's tree, as if that commit were what is listed.
 */
final class GitBaseline {

    private GitBaseline() {
    }

    /** Whether {@code ref} names a commit of the repository around {@code folder}. */
    static boolean isCommit(Path folder, String ref) {
        try {
            return run(folder, "git", "rev-parse", "--verify", "--quiet", ref + "^{commit}").exitCode == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    static Baseline read(Path folder, String ref) {
        Path top = Path.of(git(folder, "rev-parse", "--show-toplevel").strip());
        List<String> paths = git(top, "ls-tree", "-r", "--name-only", "--full-tree", ref).lines().toList();
        Map<String, ListedProduct> listed = new HashMap<>();
        for (String path : paths) {
            if (!path.endsWith(ProductDescriptors.SUFFIX) || ProductDescriptors.skipped(Path.of(path))) {
                continue;
            }
            String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            Map<String, String> beside = new HashMap<>();
            for (String other : paths) {
                if (other.startsWith(dir) && other.endsWith(".avsc") && other.indexOf('/', dir.length()) < 0) {
                    beside.put(other.substring(dir.length()), git(top, "show", ref + ":" + other));
                }
            }
            Listings.of(ref + ":" + path, git(top, "show", ref + ":" + path), beside, null)
                    .ifPresent(listing -> listed.put(listing.name(), listing));
        }
        return new Baseline(ref, listed, new ListedSchemas(listed), Map.of());
    }

    private static String git(Path folder, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Result result = run(folder, command.toArray(String[]::new));
        if (result.exitCode != 0) {
            throw new IllegalArgumentException(String.join(" ", command) + " failed in " + folder + ": " + result.stderr.strip());
        }
        return result.stdout;
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static Result run(Path folder, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).start();
            process.getOutputStream().close();
            // Read stderr beside stdout, so neither pipe fills up and stalls git.
            var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            return new Result(process.waitFor(), stdout, stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private static String readAll(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
