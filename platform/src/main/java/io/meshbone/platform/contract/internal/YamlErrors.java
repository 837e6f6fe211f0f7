package io.meshbone.platform.contract.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns YAML parse errors into one line: where, what, and in which construct. */
final class YamlErrors {

    private YamlErrors() {
    }

    static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " at " + at(yaml.getContextMark()) + ")";
            return at(yaml.getProblemMark()) + ": " + yaml.getProblem() + context;
        }
        String where = e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return where + ": " + e.getOriginalMessage().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
