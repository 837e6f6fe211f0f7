package io.meshbone.domains.dsl.internal;

import java.util.HashMap;
import java.util.Map;

import io.meshbone.domains.dsl.ProductCatalog;
import io.meshbone.domains.dsl.TopicSpec;
import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.contract.KeySpec;
import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.serde.MeshAvroSerde;
import io.meshbone.platform.serde.MeshAvroSerdeConfig;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Builds a product topic's serdes from its contract: registry Avro values, string or Avro keys. */
public final class ProductSerdes {

    private ProductSerdes() {
    }

    /** The product topic of the listed major version, with specific-record serdes on the catalog's registry. */
    public static TopicSpec<Object, Object> topic(DataProduct product, ProductCatalog catalog) {
        Map<String, Object> config = new HashMap<>(catalog.registryAuth());
        config.put(MeshAvroSerdeConfig.SCHEMA_REGISTRY_URL, catalog.registryUrl());
        config.put(MeshAvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        // The contract gate registers every product schema; an app never registers one itself.
        config.put(MeshAvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false);
        Serde<Object> value = avro(product.spec().value().schema(), catalog, config, false);
        Serde<Object> key = product.spec().key()
                .filter(KeySpec.SchemaKey.class::isInstance)
                .map(spec -> avro(((KeySpec.SchemaKey) spec).schema().schema(), catalog, config, true))
                .orElseGet(ProductSerdes::string);
        return new TopicSpec<>(ProductNames.of(product).topic(), key, value);
    }

    /**
     * The serde an app keeps its own copies of a product's keys or values in: framed with the product subject's
     * schema ids for a registry serde (see {@link ProductStateSerde}), the same serde otherwise.
     */
    public static <T> Serde<T> state(String productTopic, Serde<T> productSerde) {
        if (productSerde instanceof TypedMeshSerde<?>) {
            return new ProductStateSerde<>(productTopic, productSerde);
        }
        return productSerde;
    }

    @SuppressWarnings("unchecked")
    private static Serde<Object> string() {
        Serde<String> strings = Serdes.String();
        return (Serde<Object>) (Serde<?>) Serdes.serdeFrom(strings.serializer(),
                new ErrorContainingDeserializer<>(strings.deserializer()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Serde<Object> avro(Schema schema, ProductCatalog catalog, Map<String, Object> config, boolean isKey) {
        Class<?> type = SpecificData.get().getClass(schema);
        if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
            throw new IllegalStateException("no generated Avro class " + schema.getFullName() + " on the classpath");
        }
        TypedMeshSerde serde = new TypedMeshSerde(catalog);
        serde.configure(config, isKey);
        return serde;
    }

    /** A registry serde of a generated class, which {@link #state} frames with the product subject's ids. */
    static final class TypedMeshSerde<T extends SpecificRecord> extends MeshAvroSerde<T> {
        TypedMeshSerde(ProductCatalog catalog) {
            super(catalog.registry());
        }

        @Override
        public Deserializer<T> deserializer() {
            return new ErrorContainingDeserializer<>(super.deserializer());
        }
    }
}
