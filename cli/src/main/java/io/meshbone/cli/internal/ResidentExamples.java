package io.meshbone.cli.internal;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.ProductDescriptors;
import io.meshbone.platform.contract.SchemaFiles;
import io.meshbone.platform.control.ProductRequest;

/** The example contracts as {@code up --isolated} applies them: the given domains' products resident in one region. */
public final class ResidentExamples {

    private ResidentExamples() {
    }

    /**
     * Every example, with {@code residency: [region]} added to the products of {@code residentDomains}; the others
     * unchanged. The shipped descriptors end with their {@code spec} block, so the field is appended there.
     */
    public static List<ExampleContracts.Example> load(String principal, Set<String> residentDomains, String region) {
        return load(domain -> principal, residentDomains, region);
    }

    /** As {@link #load(String, Set, String)}, each applied by the principal {@code principalOfDomain} names for its domain. */
    public static List<ExampleContracts.Example> load(Function<String, String> principalOfDomain, Set<String> residentDomains,
                                                      String region) {
        return ExampleContracts.load(principalOfDomain).stream()
                .map(example -> residentDomains.contains(example.product().metadata().domain())
                        ? resident(example.request().principal(), example, region) : example)
                .toList();
    }

    private static ExampleContracts.Example resident(String principal, ExampleContracts.Example example, String region) {
        ProductRequest request = example.request();
        String yaml = request.descriptor().endsWith("\n") ? request.descriptor() : request.descriptor() + "\n";
        yaml += "  residency: [" + region + "]\n";
        DataProduct product = ProductDescriptors.parse(request.descriptorPath(), yaml,
                SchemaFiles.of(request.files())).orThrow();
        return new ExampleContracts.Example(ProductRequest.apply(principal, request.descriptorPath(), yaml, request.files()),
                product);
    }
}
