package io.meshbone.platform.mesh;

import java.util.HashMap;
import java.util.Map;

import io.meshbone.platform.security.Secrets;

/**
 * How {@link MeshConsumer} and {@link MeshProducer} reach the mesh: the catalog URL, plus Kafka client overrides.
 *
 * @param catalogUrl   the catalog's base URL, e.g. {@code http://localhost:8080}
 * @param kafkaConfig  extra Kafka client properties (security, {@code group.id}, …); the catalog supplies
 *                     {@code bootstrap.servers} and the registry URL unless these name them
 * @param region       the caller's region (e.g. {@code eu}): consumers read a product from a cluster in it when
 *                     the product is served there; null for the catalog's own cluster
 */
public record MeshClientSettings(String catalogUrl, Map<String, Object> kafkaConfig, String region) {

    /** The catalog URL when none is given: {@code MESHBONE_CATALOG_URL}, else {@code http://localhost:8080}. */
    public static final String DEFAULT_CATALOG_URL = "http://localhost:8080";

    public MeshClientSettings {
        catalogUrl = catalogUrl.endsWith("/") ? catalogUrl.substring(0, catalogUrl.length() - 1) : catalogUrl;
        kafkaConfig = Map.copyOf(kafkaConfig);
    }

    /** Settings without a region: products are read from the catalog's own cluster. */
    public MeshClientSettings(String catalogUrl, Map<String, Object> kafkaConfig) {
        this(catalogUrl, kafkaConfig, null);
    }

    /** With the caller's region, e.g. {@code eu}. */
    public MeshClientSettings withRegion(String value) {
        return new MeshClientSettings(catalogUrl, kafkaConfig, value);
    }

    /** Settings for the catalog at {@code catalogUrl}. */
    public static MeshClientSettings of(String catalogUrl) {
        return new MeshClientSettings(catalogUrl, Map.of());
    }

    /** Settings from the environment: {@code MESHBONE_CATALOG_URL} or the default, and {@code MESHBONE_REGION}. */
    public static MeshClientSettings fromEnvironment() {
        String url = System.getenv("MESHBONE_CATALOG_URL");
        String region = System.getenv("MESHBONE_REGION");
        return of(url == null || url.isBlank() ? DEFAULT_CATALOG_URL : url)
                .withRegion(region == null || region.isBlank() ? null : region);
    }

    /** With one more Kafka client property. */
    public MeshClientSettings with(String key, Object value) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(key, value);
        return new MeshClientSettings(catalogUrl, config, region);
    }

    /** With a consumer group id. */
    public MeshClientSettings withGroupId(String groupId) {
        return with("group.id", groupId);
    }

    /** Consumers read only records of committed transactions: what the gate admitted, never aborted attempts. */
    public MeshClientSettings readCommitted() {
        return with("isolation.level", "read_committed");
    }

    /**
     * The {@code user:password} that signs in to the catalog: the registry client's {@code basic.auth.user.info} (a
     * principal's credentials file sets it; the catalog takes the same principals), or null when none is set.
     */
    public String catalogUserInfo() {
        Object source = kafkaConfig.get("basic.auth.credentials.source");
        Object info = kafkaConfig.get("basic.auth.user.info");
        boolean userInfo = source == null || "USER_INFO".equalsIgnoreCase(source.toString());
        return userInfo && info != null && !info.toString().isBlank() ? info.toString() : null;
    }

    // The generated toString would print sasl.jaas.config and basic.auth.user.info with their passwords.
    @Override
    public String toString() {
        return "MeshClientSettings[catalogUrl=" + Secrets.maskUrls(catalogUrl) + ", kafkaConfig="
                + Secrets.masked(kafkaConfig) + ", region=" + region + "]";
    }
}
