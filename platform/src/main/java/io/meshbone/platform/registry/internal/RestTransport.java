package io.meshbone.platform.registry.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;
import io.meshbone.platform.registry.SchemaRegistryException;
import io.meshbone.platform.security.BasicAuth;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP calls to a set of registries: JSON in and out, basic auth, failover across URLs, and
 * exponential backoff with jitter (Kafka's {@link ExponentialBackoff}) that retries only 408, 429,
 * 500–504 and connection failures.
 */
public final class RestTransport implements RegistryTransport {

    private static final Logger log = LoggerFactory.getLogger(RestTransport.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT = CONTENT_TYPE + ", application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Each wait is the doubled one ± 20 % (Kafka's {@code retry.backoff} jitter), so clients that failed together spread out. */
    private static final double JITTER = 0.2;

    private final List<String> bases = new ArrayList<>();
    private final String authorization;
    private final SchemaRegistryClientSettings settings;
    private final HttpClient http;
    private final ExponentialBackoff backoff;
    private volatile int current;

    public RestTransport(SchemaRegistryClientSettings settings) {
        this.settings = settings;
        String userInfo = settings.userInfo();
        for (URI url : settings.urls()) {
            if (userInfo == null && url.getUserInfo() != null) {
                userInfo = url.getUserInfo();
            }
            String text = url.toString();
            if (url.getRawUserInfo() != null) {
                text = text.replace(url.getRawUserInfo() + "@", "");
            }
            bases.add(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        this.authorization = userInfo == null ? null
                : BasicAuth.header(userInfo);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.backoff = new ExponentialBackoff(settings.initialBackoff().toMillis(), 2, settings.maxBackoff().toMillis(), JITTER);
    }

    /** Sends one call, failing over and retrying as the settings allow; answers the parsed 200 body. */
    @Override
    public JsonNode call(String method, String pathAndQuery, JsonNode body) {
        SchemaRegistryException last = null;
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            int index = current;
            String base = bases.get(index);
            try {
                return once(base, method, pathAndQuery, body);
            } catch (SchemaRegistryException e) {
                if (!e.retriable()) {
                    throw e;
                }
                last = e;
                // Fail over: the next call (and this retry) goes to the next URL.
                current = (index + 1) % bases.size();
                log.debug("Schema registry call {} {} on {} failed (attempt {}): {}", method, pathAndQuery, base, attempt + 1,
                        e.getMessage());
            }
            if (attempt < settings.maxRetries()) {
                sleep(backoff.backoff(attempt));
            }
        }
        throw last;
    }

    private JsonNode once(String base, String method, String pathAndQuery, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .timeout(settings.requestTimeout())
                .header("Accept", ACCEPT);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SchemaRegistryException("Cannot reach schema registry " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling schema registry " + base, e);
        }
        JsonNode answer = parse(response.body());
        if (response.statusCode() == 200) {
            return answer;
        }
        int code = answer != null && answer.has("error_code") ? answer.get("error_code").asInt() : response.statusCode();
        String message = answer != null && answer.has("message") ? answer.get("message").asText()
                : "Unexpected HTTP " + response.statusCode() + " from " + base;
        throw new SchemaRegistryException(response.statusCode(), code, message);
    }

    private static byte[] write(JsonNode body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot encode request body", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
