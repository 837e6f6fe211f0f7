package io.meshbone.connect.internal;

/** The Connect schema names and parameters that carry Avro facts Connect has no type for (Confluent's names). */
public final class AvroNames {

    /** Parameter on a STRING schema naming the Avro enum it came from; each symbol is a parameter {@code <this>.<symbol>}. */
    public static final String ENUM = "io.confluent.connect.avro.Enum";
    /** Name of the STRUCT standing for an Avro union that is more than "optional X". */
    public static final String UNION = "io.confluent.connect.avro.Union";
    /** Parameter on a BYTES schema giving the size of the Avro fixed it came from. */
    public static final String FIXED_SIZE = "connect.fixed.size";
    /** Parameter on a Decimal schema naming the Avro fixed it was stored in (with {@link #FIXED_SIZE}). */
    public static final String FIXED_NAME = "connect.fixed.name";
    /** Parameter on a Decimal schema giving its precision (Connect's Decimal only carries the scale). */
    public static final String DECIMAL_PRECISION = "connect.decimal.precision";
    /** Avro property recording the Connect type of an int that was INT8 or INT16. */
    public static final String CONNECT_TYPE = "connect.type";
    /** Namespace and name of Avro records made for Connect structs without a name. */
    public static final String DEFAULT_NAMESPACE = "io.confluent.connect.avro";
    public static final String DEFAULT_NAME = "ConnectDefault";
    /** Record name of a map entry when a Connect map's keys are not strings. */
    public static final String MAP_ENTRY = "MapEntry";
    /** Precision given to a decimal whose Connect schema does not say (Confluent's default). */
    public static final int DEFAULT_PRECISION = 64;

    private AvroNames() {
    }
}
