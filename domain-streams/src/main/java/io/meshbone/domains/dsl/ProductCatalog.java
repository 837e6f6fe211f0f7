package io.meshbone.domains.dsl;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ListedProducts;
import io.meshbone.platform.registry.SchemaRegistryClient;
import io.meshbone.platform.registry.SchemaRegistryClientSettings;

/**
 * Resolves product names to their listed contracts, and holds the registry the products' serdes use.
 *
 * <p>Apps get one from {@link #listed}, which reads {@code _mesh.products}; tests may build one from
 * descriptors they parsed themselves with {@link #of}, so a topology runs without a broker.
 */
public final class ProductCatalog {

    private final Map<String, DataProduct> products;
    private final SchemaRegistryClient registry;
    private final String registryUrl;
    private final Map<String, Object> registryAuth;

    private ProductCatalog(Map<String, DataProduct> products, SchemaRegistryClient registry, String registryUrl,
                           Map<String, Object> registryAuth) {
        this.registryAuth = Map.copyOf(registryAuth);
        this.products = Map.copyOf(products);
        this.registry = Objects.requireNonNull(registry, "registry");
        this.registryUrl = Objects.requireNonNull(registryUrl, "registryUrl");
    }

    /** A catalog of exactly these products, their serdes talking to the registry at {@code registryUrl}. */
    public static ProductCatalog of(Collection<DataProduct> products, String registryUrl) {
        return of(products, registryUrl, Map.of());
    }

    /** Like {@link #of(Collection, String)}, logging in to the registry with the basic auth of {@code clientConfig}. */
    public static ProductCatalog of(Collection<DataProduct> products, String registryUrl, Map<String, Object> clientConfig) {
        Map<String, DataProduct> byName = new HashMap<>();
        products.forEach(product -> byName.put(product.name(), product));
        return new ProductCatalog(byName,
                new SchemaRegistryClient(SchemaRegistryClientSettings.of(registryUrl, clientConfig)), registryUrl,
                registryAuth(clientConfig));
    }

    /**
     * The products listed on {@code _mesh.products} now (retired ones left out), waiting up to {@code timeout}
     * for the topic's end.
     */
    public static ProductCatalog listed(Map<String, Object> clientConfig, String registryUrl, Duration timeout) {
        return of(ListedProducts.read(clientConfig, timeout), registryUrl, clientConfig);
    }

    /** The listed product of that name. */
    public Optional<DataProduct> find(String productName) {
        return Optional.ofNullable(products.get(productName));
    }

    /** The listed product of that name, or an {@link UnknownProductException} naming what is listed. */
    public DataProduct product(String productName) {
        DataProduct product = products.get(productName);
        if (product == null) {
            throw new UnknownProductException(productName, products.keySet());
        }
        return product;
    }

    /** Whether every named product is listed. */
    public boolean lists(Collection<String> productNames) {
        return products.keySet().containsAll(productNames);
    }

    /** The registry client every product serde shares. */
    public SchemaRegistryClient registry() {
        return registry;
    }

    /** The registry URL, as serdes are configured with it. */
    public String registryUrl() {
        return registryUrl;
    }

    /** The registry's basic-auth settings of the client config ({@code basic.auth.*}), for the serdes; empty when open. */
    public Map<String, Object> registryAuth() {
        return registryAuth;
    }

    private static Map<String, Object> registryAuth(Map<String, Object> clientConfig) {
        Map<String, Object> auth = new HashMap<>();
        clientConfig.forEach((name, value) -> {
            if (name.startsWith("basic.auth.") && value != null) {
                auth.put(name, value);
            }
        });
        return auth;
    }
}
