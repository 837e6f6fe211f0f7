package io.meshbone.cli.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ListedProduct;

/** A baseline read from a folder of descriptors, e.g. a checkout of the contract repository's main branch. */
final class DirectoryBaseline {

    private DirectoryBaseline() {
    }

    static Baseline read(Path folder) {
        Map<String, ListedProduct> listed = new HashMap<>();
        for (Path descriptor : ProductDescriptors.find(folder)) {
            String path = folder.relativize(descriptor).toString();
            Listings.of(path, text(descriptor), avscBeside(descriptor), null)
                    .ifPresent(listing -> listed.put(listing.name(), listing));
        }
        return new Baseline(folder.toString(), listed, new ListedSchemas(listed), Map.of());
    }

    private static Map<String, String> avscBeside(Path descriptor) {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> beside = Files.list(descriptor.toAbsolutePath().getParent())) {
            beside.filter(f -> f.getFileName().toString().endsWith(".avsc") && Files.isRegularFile(f))
                    .forEach(f -> files.put(f.getFileName().toString(), text(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the folder of " + descriptor, e);
        }
        return files;
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
