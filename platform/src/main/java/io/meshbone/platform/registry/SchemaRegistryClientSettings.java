package io.meshbone.platform.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * How a {@link SchemaRegistryClient} reaches its registries.
 *
 * @param urls           registry base URLs, tried in turn when one fails (failover)
 * @param userInfo       {@code user:password} for HTTP basic auth, or {@code null}
 * @param maxRetries     retries after the first attempt, for 408, 429, 5xx and unreachable registries only
 * @param initialBackoff wait before the first retry; doubles on each retry up to {@code maxBackoff}
 * @param maxBackoff     longest wait between retries
 * @param requestTimeout time limit of one HTTP request
 */
public record SchemaRegistryClientSettings(List<URI> urls, String userInfo, int maxRetries, Duration initialBackoff,
                                           Duration maxBackoff, Duration requestTimeout) {

    public SchemaRegistryClientSettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("urls: at least one schema registry URL is required");
        }
        urls = List.copyOf(urls);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries: expected >= 0, got " + maxRetries);
        }
    }

    /** Comma-separated URLs, no auth, 3 retries from 100 ms up to 2 s, 30 s per request. */
    public static SchemaRegistryClientSettings of(String commaSeparatedUrls) {
        List<URI> urls = Arrays.stream(commaSeparatedUrls.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(URI::create).toList();
        return new SchemaRegistryClientSettings(urls, null, 3, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(30));
    }

    public SchemaRegistryClientSettings withUserInfo(String value) {
        return new SchemaRegistryClientSettings(urls, value, maxRetries, initialBackoff, maxBackoff, requestTimeout);
    }

    public SchemaRegistryClientSettings withRetries(int value, Duration initial, Duration max) {
        return new SchemaRegistryClientSettings(urls, userInfo, value, initial, max, requestTimeout);
    }

    public SchemaRegistryClientSettings withRequestTimeout(Duration value) {
        return new SchemaRegistryClientSettings(urls, userInfo, maxRetries, initialBackoff, maxBackoff, value);
    }
}
