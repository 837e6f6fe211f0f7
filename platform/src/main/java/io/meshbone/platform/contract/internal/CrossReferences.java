package io.meshbone.platform.contract.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.Problem;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.text.DidYouMean;

/** Checks what descriptors say about each other: unique product names, and inputs that name known products. */
public final class CrossReferences {

    private CrossReferences() {
    }

    /**
     * The outcomes with cross-reference problems added to each descriptor.
     *
     * @param outcomes      every descriptor of the set, in file order
     * @param knownProducts product names known from elsewhere (e.g. the registry), valid as inputs
     */
    public static List<ParsedDescriptor> check(List<DescriptorParser.Outcome> outcomes, Set<String> knownProducts) {
        Map<String, String> firstFileByName = new LinkedHashMap<>();
        for (DescriptorParser.Outcome outcome : outcomes) {
            if (outcome.productName() != null) {
                firstFileByName.putIfAbsent(outcome.productName(), outcome.descriptor().file());
            }
        }
        Set<String> known = new HashSet<>(knownProducts);
        known.addAll(firstFileByName.keySet());

        List<ParsedDescriptor> checked = new ArrayList<>();
        for (DescriptorParser.Outcome outcome : outcomes) {
            ParsedDescriptor descriptor = outcome.descriptor();
            List<Problem> problems = new ArrayList<>(descriptor.problems());
            String file = descriptor.file();
            String first = outcome.productName() == null ? file : firstFileByName.get(outcome.productName());
            if (!first.equals(file)) {
                problems.add(new Problem(file, "metadata.name", "product " + outcome.productName()
                        + " is already defined in " + first + " (expected one descriptor per product)"));
            }
            List<String> inputs = outcome.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                String input = inputs.get(i);
                if (ProductNames.isProductName(input) && !known.contains(input)) {
                    problems.add(new Problem(file, "spec.inputs[" + i + "]", "'" + input + "' names no known product"
                            + DidYouMean.suggest(input, known).map(s -> " (did you mean '" + s + "'?)")
                                    .orElse(" (known: " + String.join(", ", known.stream().sorted().toList()) + ")")));
                }
            }
            checked.add(problems.equals(descriptor.problems()) ? descriptor
                    : new ParsedDescriptor(file, Optional.empty(), problems));
        }
        return checked;
    }
}
