package io.meshbone.domains.customers;

import java.time.Instant;
import java.util.Objects;

import io.meshbone.schemas.customers.CustomerHistory;
import io.meshbone.schemas.customers.CustomerProfile;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;

/** Turns a customer's profile changes into closed and opened history versions. */
final class Historizer implements FixedKeyProcessor<String, CustomerProfile, CustomerHistory> {

    private final String storeName;
    private FixedKeyProcessorContext<String, CustomerHistory> context;
    private KeyValueStore<String, CustomerHistory> open;

    Historizer(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, CustomerHistory> context) {
        this.context = context;
        this.open = context.getStateStore(storeName);
    }

    @Override
    public void process(FixedKeyRecord<String, CustomerProfile> record) {
        CustomerHistory current = open.get(record.key());
        CustomerProfile profile = record.value();
        if (profile == null) {
            // A deleted customer's open version ends now; there is no next one.
            if (current != null) {
                context.forward(record.withValue(closed(current, Instant.ofEpochMilli(record.timestamp()))));
                open.delete(record.key());
            }
            return;
        }
        if (current != null && (sameVersion(current, profile) || profile.getUpdatedAt().isBefore(current.getValidFrom()))) {
            return;
        }
        if (current != null) {
            context.forward(record.withValue(closed(current, profile.getUpdatedAt())));
        }
        CustomerHistory next = CustomerHistory.newBuilder()
                .setCustomerId(profile.getCustomerId())
                .setVersion(current == null ? 1 : current.getVersion() + 1)
                .setEmail(profile.getEmail())
                .setPhone(profile.getPhone())
                .setCountry(profile.getCountry())
                .setValidFrom(profile.getUpdatedAt())
                .setValidTo(null)
                .build();
        open.put(record.key(), next);
        context.forward(record.withValue(next));
    }

    private static CustomerHistory closed(CustomerHistory version, Instant at) {
        return CustomerHistory.newBuilder(version).setValidTo(at).build();
    }

    private static boolean sameVersion(CustomerHistory version, CustomerProfile profile) {
        return text(version.getEmail()).equals(text(profile.getEmail()))
                && Objects.equals(textOrNull(version.getPhone()), textOrNull(profile.getPhone()))
                && text(version.getCountry()).equals(text(profile.getCountry()));
    }

    private static String text(CharSequence value) {
        return value.toString();
    }

    private static String textOrNull(CharSequence value) {
        return value == null ? null : value.toString();
    }
}
