package io.meshbone.platform.contract.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.ParsedDescriptor;
import io.meshbone.platform.contract.Problem;

/** A descriptor file is named after its product, {@code <name>.product.yaml}, so a repository reads like its catalog. */
public final class FileNames {

    private FileNames() {
    }

    /** The outcome, with a problem added when {@code fileName} does not match the declared product name. */
    public static DescriptorParser.Outcome check(DescriptorParser.Outcome outcome, String fileName) {
        if (outcome.productName() == null) {
            return outcome;
        }
        String name = outcome.productName().substring(outcome.productName().indexOf('.') + 1);
        String expected = name + ".product.yaml";
        if (fileName.equals(expected)) {
            return outcome;
        }
        ParsedDescriptor descriptor = outcome.descriptor();
        List<Problem> problems = new ArrayList<>(descriptor.problems());
        problems.add(new Problem(descriptor.file(), "metadata.name", "'" + name + "' does not match the file name "
                + fileName + " (expected the file to be named " + expected + ")"));
        return new DescriptorParser.Outcome(new ParsedDescriptor(descriptor.file(), Optional.empty(), problems),
                outcome.productName(), outcome.inputs());
    }
}
