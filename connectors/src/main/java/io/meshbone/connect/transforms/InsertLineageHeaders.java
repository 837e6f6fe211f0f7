package io.meshbone.connect.transforms;

import java.util.Map;

import io.meshbone.platform.contract.ProductNames;
import io.meshbone.platform.lineage.LineageHeaders;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.util.SimpleConfig;

/**
 * A single message transform that inserts the mesh lineage headers on records a source connector produces.
 *
 * <p>{@code mesh.product} and {@code mesh.domain} name the data product the records feed, and
 * {@code mesh.connector} names the connector that read them where the data resides ({@code mesh.source}
 * is the gate's: where it read the staged record). Existing headers of those names are replaced, so a
 * record carries one value of each.
 */
public class InsertLineageHeaders<R extends ConnectRecord<R>> implements Transformation<R> {

    public static final String PRODUCT = "product";
    public static final String DOMAIN = "domain";
    public static final String CONNECTOR = "connector";

    private static final ConfigDef.Validator PRODUCT_NAME = ConfigDef.LambdaValidator.with((name, value) -> {
        if (value == null || !ProductNames.isProductName(value.toString())) {
            throw new ConfigException(name, value, "expected a product name <domain>.<product> in lower-kebab case, "
                    + "e.g. orders.order-placed");
        }
    }, () -> "a product name <domain>.<product>");

    private static final ConfigDef.Validator DOMAIN_NAME = ConfigDef.LambdaValidator.with((name, value) -> {
        if (value != null && !value.toString().isEmpty() && !ProductNames.isNamePart(value.toString())) {
            throw new ConfigException(name, value, "expected a domain name in lower-kebab case, e.g. orders");
        }
    }, () -> "a domain name in lower-kebab case; empty means the product's domain");

    private static final ConfigDef CONFIG = new ConfigDef()
            .define(PRODUCT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, PRODUCT_NAME, Importance.HIGH,
                    "The data product the records feed, stamped as the mesh.product header.")
            .define(DOMAIN, Type.STRING, "", DOMAIN_NAME, Importance.MEDIUM,
                    "The owning domain, stamped as mesh.domain; empty means the product name's domain part. "
                            + "When given it must equal that part.")
            .define(CONNECTOR, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The name of the connector that reads the records, stamped as mesh.connector.");

    private String product;
    private String domain;
    private String connector;

    @Override
    public void configure(Map<String, ?> props) {
        SimpleConfig config = new SimpleConfig(CONFIG, props);
        product = config.getString(PRODUCT);
        String productDomain = product.substring(0, product.indexOf('.'));
        String given = config.getString(DOMAIN);
        if (!given.isEmpty() && !given.equals(productDomain)) {
            throw new ConfigException(DOMAIN, given, "product " + product + " belongs to domain " + productDomain);
        }
        domain = productDomain;
        connector = config.getString(CONNECTOR);
    }

    @Override
    public R apply(R record) {
        Headers headers = record.headers().duplicate();
        put(headers, LineageHeaders.PRODUCT, product);
        put(headers, LineageHeaders.DOMAIN, domain);
        put(headers, LineageHeaders.CONNECTOR, connector);
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), record.value(), record.timestamp(), headers);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.addString(name, value);
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
