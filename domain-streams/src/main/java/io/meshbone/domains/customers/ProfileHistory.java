package io.meshbone.domains.customers;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.schemas.customers.CustomerHistory;
import io.meshbone.schemas.customers.CustomerProfile;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * Historizes {@code customers.customer-profile} into {@code customers.customer-history} (slowly changing
 * dimension, type 2): a new e-mail, phone or country closes the current version and opens the next.
 *
 * <p>Each version is published when it opens (valid-to null) and again when it closes (valid-to set), with the
 * same customer id and version; a consumer keeps the latest record per customer and version.
 */
public final class ProfileHistory {

    public static final String APPLICATION_ID = "customers-history";
    static final String PRODUCT = "customers.customer-history";
    static final String STORE = PRODUCT + "-current-versions";

    private ProfileHistory() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                mesh.stateSerde("customers.customer-history")));

        KStream<String, CustomerHistory> versions = mesh.<String, CustomerProfile>from("customers.customer-profile")
                // The store remembers each customer's open version, so a change can close it and number the next.
                .processValues(() -> new Historizer(STORE), Named.as(PRODUCT + "-versions"), STORE);
        mesh.to(versions, PRODUCT);
        return builder.build();
    }
}
