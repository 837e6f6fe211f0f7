package io.meshbone.platform.registry;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.meshbone.platform.security.Secrets;

/**
 * How a {@link SchemaRegistryClient} reaches its registries.
 *
 * @param urls           registry base URLs, tried in turn when one fails (failover)
 * @param userInfo       {@code user:password} for HTTP basic auth, or {@code null}
 * @param maxRetries     retries after the first attempt, for 408, 429, 5xx and unreachable registries only
 * @param initialBackoff wait before the first retry; doubles on each retry up to {@code maxBackoff}, each wait
 *                       ± 20 % jitter (Kafka's {@code ExponentialBackoff})
 * @param maxBackoff     longest wait between retries
 * @param requestTimeout time limit of one HTTP request
 * @param cacheCapacity  entries each of the client's caches (schema by id, id by subject and schema) keeps,
 *                       least recently used dropped first; Confluent's {@code max.schemas.per.subject}
 */
public record SchemaRegistryClientSettings(List<URI> urls, String userInfo, int maxRetries, Duration initialBackoff,
                                           Duration maxBackoff, Duration requestTimeout, int cacheCapacity) {

    /** Confluent's default for {@code max.schemas.per.subject}. */
    public static final int DEFAULT_CACHE_CAPACITY = 1000;

    public SchemaRegistryClientSettings {
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("urls: at least one schema registry URL is required");
        }
        urls = List.copyOf(urls);
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries: expected >= 0, got " + maxRetries);
        }
        if (cacheCapacity < 1) {
            throw new IllegalArgumentException("cacheCapacity: expected >= 1, got " + cacheCapacity);
        }
    }

    /** The settings with the default cache capacity. */
    public SchemaRegistryClientSettings(List<URI> urls, String userInfo, int maxRetries, Duration initialBackoff,
                                        Duration maxBackoff, Duration requestTimeout) {
        this(urls, userInfo, maxRetries, initialBackoff, maxBackoff, requestTimeout, DEFAULT_CACHE_CAPACITY);
    }

    /** Comma-separated URLs, no auth, 3 retries from 100 ms up to 2 s, 30 s per request, 1000 cached entries per cache. */
    public static SchemaRegistryClientSettings of(String commaSeparatedUrls) {
        List<URI> urls = Arrays.stream(commaSeparatedUrls.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(URI::create).toList();
        return new SchemaRegistryClientSettings(urls, null, 3, Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(30), DEFAULT_CACHE_CAPACITY);
    }

    /**
     * Like {@link #of(String)}, with HTTP basic auth from Kafka-style client settings when they say
     * {@code basic.auth.credentials.source=USER_INFO} and give {@code basic.auth.user.info} (as a principal's
     * credentials file does).
     */
    public static SchemaRegistryClientSettings of(String commaSeparatedUrls, Map<String, ?> clientConfig) {
        SchemaRegistryClientSettings settings = of(commaSeparatedUrls);
        Object source = clientConfig.get("basic.auth.credentials.source");
        Object userInfo = clientConfig.get("basic.auth.user.info");
        if ("USER_INFO".equals(source == null ? null : source.toString()) && userInfo != null) {
            Object value = userInfo instanceof org.apache.kafka.common.config.types.Password password ? password.value() : userInfo;
            settings = settings.withUserInfo(value.toString());
        }
        return settings;
    }

    public SchemaRegistryClientSettings withUserInfo(String value) {
        return new SchemaRegistryClientSettings(urls, value, maxRetries, initialBackoff, maxBackoff, requestTimeout, cacheCapacity);
    }

    public SchemaRegistryClientSettings withRetries(int value, Duration initial, Duration max) {
        return new SchemaRegistryClientSettings(urls, userInfo, value, initial, max, requestTimeout, cacheCapacity);
    }

    public SchemaRegistryClientSettings withRequestTimeout(Duration value) {
        return new SchemaRegistryClientSettings(urls, userInfo, maxRetries, initialBackoff, maxBackoff, value, cacheCapacity);
    }

    public SchemaRegistryClientSettings withCacheCapacity(int value) {
        return new SchemaRegistryClientSettings(urls, userInfo, maxRetries, initialBackoff, maxBackoff, requestTimeout, value);
    }

    // The generated toString would print the password of userInfo and of any URL's user info.
    @Override
    public String toString() {
        return "SchemaRegistryClientSettings[urls=" + Secrets.maskUrls(urls.toString()) + ", userInfo="
                + (userInfo == null ? null : Secrets.HIDDEN) + ", maxRetries=" + maxRetries + ", initialBackoff="
                + initialBackoff + ", maxBackoff=" + maxBackoff + ", requestTimeout=" + requestTimeout
                + ", cacheCapacity=" + cacheCapacity + "]";
    }
}
