package io.meshbone.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.meshbone.cli.check.SignIn;
import io.meshbone.platform.control.AccessGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The grants a plan takes from a catalog's {@code GET /api/products/{name}/grants}, served on loopback in the catalog's shape. */
class ProductGrantsTest {

    private static final String GRANTS = """
            {"product": "shop.cart", "owners": ["User:team-shop"], "consumers": ["analytics"],
             "grants": [{"principal": "User:alice", "since": "2026-01-02T03:04:05Z", "reason": "audit", "pii": true,
                         "grantedBy": "User:team-shop", "requestId": "req-1"}]}""";

    private final List<String> asked = new ArrayList<>();
    private HttpServer catalog;

    @BeforeEach
    void serveTheGrantsPage() throws IOException {
        catalog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        catalog.createContext("/api/products/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            byte[] body = GRANTS.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        catalog.start();
    }

    @AfterEach
    void stop() {
        catalog.stop(0);
    }

    @Test
    void readsAListedProductsGrantsFromTheCatalog() {
        String url = "http://" + catalog.getAddress().getHostString() + ":" + catalog.getAddress().getPort();

        List<AccessGrant> grants = ProductGrants.of(url, SignIn.ANONYMOUS).of("shop.cart");

        assertThat(asked).containsExactly("/api/products/shop.cart/grants");
        assertThat(grants).containsExactly(new AccessGrant("shop.cart", "User:alice", true, "req-1", "audit", "User:team-shop",
                Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void aFolderOrAGitRefKnowsNoGrants() {
        assertThat(ProductGrants.of("schemas-main", SignIn.ANONYMOUS)).isSameAs(ProductGrants.UNKNOWN);
        assertThat(ProductGrants.of(null, SignIn.ANONYMOUS).of("shop.cart")).isEmpty();
    }
}
