package io.meshbone.platform.registry;

import java.util.List;

/** The registry's answer to a compatibility check: the verdict and, when verbose, why not. */
public record CompatibilityResult(boolean compatible, List<String> messages) {

    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
