package io.meshbone.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.control.ProductRequest;

/** The example contracts shipped on the classpath under {@code meshbone/products/}, upstream products first. */
public final class ExampleContracts {

    private static final String ROOT = "meshbone/products/";

    private ExampleContracts() {
    }

    /** A contract ready to apply: its request and the parsed product. */
    public record Example(ProductRequest request, DataProduct product) {
    }

    /** Every example as an apply request by {@code principal}, ordered so each product's inputs come before it. */
    public static List<Example> load(String principal) {
        return load(domain -> principal);
    }

    /** Every example as an apply request by the principal {@code principalOfDomain} names for its domain. */
    public static List<Example> load(Function<String, String> principalOfDomain) {
        Map<String, Example> byName = new LinkedHashMap<>();
        for (String path : resource(ROOT + "index").orElseThrow().lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            String yaml = resource(ROOT + path).orElseThrow(() -> new IllegalStateException("missing " + ROOT + path));
            DataProduct product = ProductDescriptors.parse(path, yaml, name -> resource(ROOT + folder + name)).orThrow();
            Map<String, String> files = new HashMap<>();
            product.schemaFiles().forEach(name -> files.put(name, resource(ROOT + folder + name).orElseThrow()));
            String principal = principalOfDomain.apply(product.metadata().domain());
            byName.put(product.name(), new Example(ProductRequest.apply(principal, path, yaml, files), product));
        }
        List<Example> ordered = new ArrayList<>();
        byName.keySet().forEach(name -> visit(name, byName, ordered, new ArrayList<>()));
        return ordered;
    }

    private static void visit(String name, Map<String, Example> byName, List<Example> ordered, List<String> path) {
        Example example = byName.get(name);
        if (example == null || ordered.contains(example) || path.contains(name)) {
            return;
        }
        path.add(name);
        example.product().spec().inputs().forEach(input -> visit(input, byName, ordered, path));
        ordered.add(example);
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = ExampleContracts.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
