package io.meshbone.platform.contract.internal;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.contract.ProductNames;

/** Parses {@code spec.residency}: the regions a product's records must stay in, as lower-kebab names. */
final class ResidencyParser {

    static final String EXPECTED = "region names, e.g. [eu]";

    private ResidencyParser() {
    }

    /** The regions, in the order written; empty when absent; null when malformed (the problem is reported). */
    static List<String> parse(Fields fields, ObjectNode spec) {
        List<String> regions = fields.textList(spec, "spec", "residency", EXPECTED);
        if (regions == null) {
            return null;
        }
        boolean written = spec.has("residency") && !spec.get("residency").isNull();
        if (regions.isEmpty() && !written) {
            return List.of();
        }
        if (regions.isEmpty()) {
            fields.problem("spec.residency", "is empty (expected at least one region, e.g. [eu]; leave residency out"
                    + " when the product may be served anywhere)");
            return null;
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            if (region == null) {
                continue;
            } else if (!ProductNames.isNamePart(region)) {
                fields.problem("spec.residency[" + i + "]", "'" + region + "' is not a region name (expected lower-kebab, e.g. eu)");
            } else if (valid.contains(region)) {
                fields.problem("spec.residency[" + i + "]", "'" + region + "' is listed twice (expected each region once)");
            } else {
                valid.add(region);
            }
        }
        return valid.size() == regions.size() ? valid : null;
    }
}
