package io.meshbone.cli.access;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.platform.control.MeshJson;

/**
 * Asks the catalog whether the signed-in principal is cleared for a product's PII (its owner, or an approved request
 * that asked for PII), before a verb prints PII fields in secure mode.
 */
public final class PiiClearanceCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PiiClearanceCheck() {
    }

    /** Returns when the principal in {@code credentials} is cleared for {@code product}'s PII; else throws the reason. */
    public static void require(String catalogUrl, Path credentials, String product) {
        CatalogCredentials signIn = CatalogCredentials.read(credentials);
        URI uri = URI.create(catalogUrl.replaceAll("/$", "") + "/api/products/" + Paths.segment(product) + "/clearance");
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", signIn.header()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("--show-pii: the catalog could not confirm " + signIn.principal()
                        + "'s clearance for " + product + " (HTTP " + response.statusCode() + ")");
            }
            JsonNode clearance = MeshJson.tree(response.body());
            if (!clearance.path("pii").asBoolean(false)) {
                throw new IllegalArgumentException("--show-pii: " + signIn.principal() + " is not cleared for the PII of "
                        + product + "; ask its owner: meshbone access request " + product + " --reason \"…\" --pii");
            }
        } catch (IOException e) {
            throw new IllegalStateException("--show-pii: cannot reach the catalog at " + catalogUrl + " to check clearance: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
