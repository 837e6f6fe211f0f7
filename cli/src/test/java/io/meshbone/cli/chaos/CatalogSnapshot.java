package io.meshbone.cli.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.control.MeshJson;

/**
 * What the catalog shows of every listed product that a restart must not change: address, contract, versions,
 * decisions and lineage (not the live health and compliance figures, which move with time).
 *
 * @param byProduct product name → its lasting fields
 */
record CatalogSnapshot(Map<String, JsonNode> byProduct) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> LASTING = List.of("address", "contract", "versions", "decisions", "upstream", "downstream");

    static CatalogSnapshot of(URI catalog) throws IOException, InterruptedException {
        Map<String, JsonNode> byProduct = new TreeMap<>();
        for (JsonNode product : get(catalog, "/api/products").path("products")) {
            String name = product.path("name").asText();
            JsonNode detail = get(catalog, "/api/products/" + name);
            ObjectNode lasting = MeshJson.object();
            LASTING.forEach(field -> lasting.set(field, detail.path(field)));
            byProduct.put(name, lasting);
        }
        return new CatalogSnapshot(byProduct);
    }

    int products() {
        return byProduct.size();
    }

    boolean hasRejection(String product) {
        JsonNode listed = byProduct.get(product);
        if (listed == null) {
            return false;
        }
        for (JsonNode decision : listed.path("decisions")) {
            if (decision.path("outcome").asText().equals("REJECTED")) {
                return true;
            }
        }
        return false;
    }

    /** Products, versions and decisions shown. */
    long entries() {
        return items().size();
    }

    /** Items (products, versions, decisions) shown here that {@code other} does not show as often. */
    long missingFrom(CatalogSnapshot other) {
        List<JsonNode> theirs = new ArrayList<>(other.items());
        return items().stream().filter(item -> !theirs.remove(item)).count();
    }

    // JSON trees, not their text: two processes may write an object's fields in another order.
    private List<JsonNode> items() {
        List<JsonNode> items = new ArrayList<>();
        byProduct.forEach((name, fields) -> {
            items.add(item("product", name, MeshJson.object().setAll(Map.of("address", fields.path("address"),
                    "contract", fields.path("contract")))));
            fields.path("versions").forEach(version -> items.add(item("version", name, version)));
            fields.path("decisions").forEach(decision -> items.add(item("decision", name, decision)));
        });
        return items;
    }

    private static JsonNode item(String kind, String product, JsonNode value) {
        ObjectNode item = MeshJson.object().put("kind", kind).put("product", product);
        item.set("value", value);
        return item;
    }

    private static JsonNode get(URI catalog, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(catalog + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException(path + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return MeshJson.tree(answer.body());
    }
}
