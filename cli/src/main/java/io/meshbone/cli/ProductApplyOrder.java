package io.meshbone.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;

/**
 * The descriptors {@code product apply -f} names, found and ordered so that a product comes after
 * the inputs it reads: the gate decides requests in the order they were sent, and rejects an input
 * that is not listed yet.
 */
final class ProductApplyOrder {

    private ProductApplyOrder() {
    }

    /** Each file as given, each folder's {@code *.product.yaml} (as {@code product lint} finds them), inputs first. */
    static List<Path> of(List<Path> paths) {
        Set<Path> files = new LinkedHashSet<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(ProductDescriptors.descriptorsUnder(path));
            } else {
                files.add(path);
            }
        }
        Map<String, Path> byProduct = new HashMap<>();
        Map<Path, List<String>> inputs = new LinkedHashMap<>();
        for (Path file : files) {
            Optional<DataProduct> product = parse(file);
            product.ifPresent(p -> byProduct.putIfAbsent(p.name(), file));
            inputs.put(file, product.map(p -> p.spec().inputs()).orElse(List.of()));
        }
        Set<Path> ordered = new LinkedHashSet<>();
        Set<Path> visiting = new LinkedHashSet<>();
        for (Path file : inputs.keySet()) {
            visit(file, inputs, byProduct, visiting, ordered);
        }
        return new ArrayList<>(ordered);
    }

    // Depth-first: inputs before readers; a cycle is left in file order for the gate to reject.
    private static void visit(Path file, Map<Path, List<String>> inputs, Map<String, Path> byProduct, Set<Path> visiting,
                              Set<Path> ordered) {
        if (ordered.contains(file) || !visiting.add(file)) {
            return;
        }
        for (String input : inputs.getOrDefault(file, List.of())) {
            Path source = byProduct.get(input);
            if (source != null) {
                visit(source, inputs, byProduct, visiting, ordered);
            }
        }
        ordered.add(file);
    }

    // A file that does not parse is still sent: the gate's decision reports its problems.
    private static Optional<DataProduct> parse(Path file) {
        try {
            String yaml = Files.readString(file, StandardCharsets.UTF_8);
            return ProductDescriptors.parse(file.toString(), yaml, SchemaFiles.directory(file.toAbsolutePath().getParent())).product();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
