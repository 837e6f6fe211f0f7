package io.meshbone.platform.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.meshbone.platform.contract.internal.CrossReferences;
import io.meshbone.platform.contract.internal.DescriptorParser;
import io.meshbone.platform.contract.internal.FileNames;

/** Reads and validates data product descriptors ({@code *.product.yaml}), one or a whole repository at once. */
public final class ProductDescriptors {

    /** The file name ending that marks a descriptor. */
    public static final String SUFFIX = ".product.yaml";

    private ProductDescriptors() {
    }

    /**
     * Parses one descriptor from text and checks it on its own (inputs are checked by {@link #validate}).
     *
     * @param file        how the descriptor is named in problems
     * @param yaml        the descriptor's text
     * @param schemaFiles where the Avro files it names are read from
     */
    public static ParsedDescriptor parse(String file, String yaml, SchemaFiles schemaFiles) {
        return DescriptorParser.parse(file, yaml, schemaFiles).descriptor();
    }

    /**
     * Reads one descriptor file, its schemas resolved next to it, and checks it on its own: inputs are not
     * checked against other products (use {@link #lint} or {@link #validate} for that).
     *
     * @throws ContractException with every problem, when the descriptor is invalid
     * @throws UncheckedIOException when the file cannot be read
     */
    public static DataProduct read(Path file) {
        return parseFile(file.toString(), file).descriptor().orThrow();
    }

    /**
     * Validates descriptors from text together, as the governance gate does for a registration request.
     *
     * @param sources       the descriptors, each with its schema files
     * @param knownProducts names of products already listed, which inputs may name
     */
    public static LintReport validate(List<Source> sources, Set<String> knownProducts) {
        List<DescriptorParser.Outcome> outcomes = sources.stream()
                .map(s -> DescriptorParser.parse(s.file(), s.yaml(), s.schemaFiles())).toList();
        return report(CrossReferences.check(outcomes, knownProducts));
    }

    /**
     * Validates every descriptor under the given files and folders together, as {@code meshbone product lint} does.
     *
     * <p>Files found in a folder are named relative to it; files given directly, as given. Folders named
     * {@code target} (build output) and hidden folders are skipped.
     *
     * @param paths         descriptor files, or folders searched recursively for {@code *.product.yaml}
     * @param knownProducts names of products defined elsewhere, which inputs may name
     */
    public static LintReport lint(Collection<Path> paths, Set<String> knownProducts) {
        List<DescriptorParser.Outcome> outcomes = new ArrayList<>();
        List<Problem> pathProblems = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                List<Path> found = descriptorsUnder(path);
                if (found.isEmpty()) {
                    pathProblems.add(new Problem(path.toString(), DescriptorParser.DOCUMENT,
                            "no *" + SUFFIX + " files in this folder (expected at least one descriptor)"));
                }
                found.forEach(file -> outcomes.add(parseFile(path.relativize(file).toString(), file)));
            } else if (Files.isRegularFile(path)) {
                outcomes.add(parseFile(path.toString(), path));
            } else {
                pathProblems.add(new Problem(path.toString(), DescriptorParser.DOCUMENT,
                        "no such file or folder (expected a descriptor or a folder of descriptors)"));
            }
        }
        LintReport report = report(CrossReferences.check(outcomes, knownProducts));
        List<Problem> problems = new ArrayList<>(pathProblems);
        problems.addAll(report.problems());
        return new LintReport(report.descriptors(), problems);
    }

    private static LintReport report(List<ParsedDescriptor> descriptors) {
        return new LintReport(descriptors, descriptors.stream().flatMap(d -> d.problems().stream()).toList());
    }

    private static DescriptorParser.Outcome parseFile(String shownAs, Path file) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Path folder = file.toAbsolutePath().getParent();
        DescriptorParser.Outcome outcome = DescriptorParser.parse(shownAs, yaml, SchemaFiles.directory(folder));
        return FileNames.check(outcome, file.getFileName().toString());
    }

    /**
     * The descriptors under {@code folder} as {@link #lint} finds them: every {@code *.product.yaml}, recursively,
     * sorted, skipping {@code target} and hidden folders.
     */
    public static List<Path> find(Path folder) {
        return descriptorsUnder(folder);
    }

    /** Whether lint skips this path, relative to the folder searched: it lies in {@code target/} or a hidden folder. */
    public static boolean skipped(Path relative) {
        return inBuildOutput(relative);
    }

    /** The {@code *.product.yaml} files under {@code folder}, sorted, skipping {@code target} and hidden folders as lint does. */
    public static List<Path> descriptorsUnder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                    .filter(f -> !inBuildOutput(folder.relativize(f)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    // Maven copies descriptors into target/; hidden folders (.git) hold no contracts either.
    private static boolean inBuildOutput(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || (name.startsWith(".") && name.length() > 1 && !name.equals(".."))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One descriptor's text and the schema files it may name.
     *
     * @param file        how the descriptor is named in problems
     * @param yaml        its text
     * @param schemaFiles its Avro schema files
     */
    public record Source(String file, String yaml, SchemaFiles schemaFiles) {
    }
}
