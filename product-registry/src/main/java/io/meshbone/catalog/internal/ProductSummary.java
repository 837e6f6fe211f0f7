package io.meshbone.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;

/**
 * A product's short description for lists, written as JSON once per listing: every field it has comes from the listing
 * (name, domain, owner, description, tags, type, classification, version, topic, deprecation), none from health or
 * compliance, so a new listing record (re-listed, deprecated, retired) is the only thing that changes it.
 *
 * @param fields the summary's fields in their order
 * @param json   the fields as a JSON object without its closing brace, ready for a search hit's {@code score}, in UTF-8
 */
record ProductSummary(Map<String, Object> fields, byte[] json) {

    static ProductSummary of(ListedProduct listed, DataProduct p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("domain", p.metadata().domain());
        m.put("owner", p.metadata().owner());
        m.put("description", p.metadata().description());
        m.put("tags", p.metadata().tags());
        m.put("type", p.spec().type().name().toLowerCase(Locale.ROOT));
        m.put("classification", p.spec().classification().name().toLowerCase(Locale.ROOT));
        m.put("version", p.spec().version().toString());
        m.put("topic", p.names().topic());
        m.put("deprecation", listed.deprecation());
        try {
            String object = MeshJson.write(m);
            return new ProductSummary(m, object.substring(0, object.length() - 1).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary of " + p.name() + " as JSON", e);
        }
    }

    /** A fresh, mutable copy of the fields, for a product page to add to. */
    Map<String, Object> toMap() {
        return new LinkedHashMap<>(fields);
    }
}
