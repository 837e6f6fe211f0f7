package io.meshbone.domains.customers;

import io.meshbone.domains.dsl.MeshStreams;
import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.raw.RawProfileChange;
import io.meshbone.domains.raw.RawTopics;
import io.meshbone.schemas.customers.CustomerProfile;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Folds raw profile change events into {@code customers.customer-profile}, the current profile per customer. */
public final class CustomerProfiles {

    public static final String APPLICATION_ID = "customers-profile";
    static final String PRODUCT = "customers.customer-profile";

    private static final Logger log = LoggerFactory.getLogger(CustomerProfiles.class);

    private CustomerProfiles() {
    }

    static Topology topology(ProductCatalog catalog) {
        StreamsBuilder builder = new StreamsBuilder();
        MeshStreams mesh = MeshStreams.on(builder, catalog);

        KStream<String, CustomerProfile> profiles = mesh.raw(RawTopics.PROFILE_CHANGES)
                .filter((customerId, change) -> change != null && customerId != null && customerId.equals(change.customerId()),
                        Named.as(PRODUCT + "-keyed-by-customer"))
                // Changes are keyed by customer already, so this groups without a repartition.
                .groupByKey(Grouped.with(PRODUCT + "-by-customer", Serdes.String(), RawTopics.PROFILE_CHANGES.valueSerde()))
                // A change carries only what changed: the profile is the running merge, and DELETE removes it.
                .aggregate(() -> null, (customerId, change, profile) -> apply(profile, change), Named.as(PRODUCT + "-merge"),
                        Materialized.<String, CustomerProfile, KeyValueStore<Bytes, byte[]>>as(PRODUCT + "-store")
                                .withKeySerde(Serdes.String())
                                .withValueSerde(mesh.stateSerde("customers.customer-profile"))
                                .withCachingDisabled())
                // Every change of the table is a product record; a deletion is a tombstone of the compacted entity.
                .toStream(Named.as(PRODUCT + "-changes"));
        mesh.to(profiles, PRODUCT);
        return builder.build();
    }

    static CustomerProfile apply(CustomerProfile current, RawProfileChange change) {
        if (change.deletes()) {
            return null;
        }
        if (current == null) {
            if (change.fullName() == null || change.email() == null || change.country() == null) {
                log.warn("skipping first change of customer {}: it must carry fullName, email and country", change.customerId());
                return null;
            }
            return new CustomerProfile(change.customerId(), change.fullName(), change.email(), change.phone(),
                    change.country(), change.at(), change.at());
        }
        CustomerProfile.Builder next = CustomerProfile.newBuilder(current).setUpdatedAt(change.at());
        if (change.fullName() != null) {
            next.setFullName(change.fullName());
        }
        if (change.email() != null) {
            next.setEmail(change.email());
        }
        if (change.phone() != null) {
            next.setPhone(change.phone());
        }
        if (change.country() != null) {
            next.setCountry(change.country());
        }
        return next.build();
    }
}
