package io.meshbone.platform.registry;

/**
 * A schema registry call that failed: the HTTP status, Confluent {@code error_code} and message.
 *
 * <p>{@code status} is -1 when no registry could be reached at all.
 */
public final class SchemaRegistryException extends RuntimeException {

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message + (status > 0 ? " (HTTP " + status + ", error_code " + errorCode + ")" : ""));
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.errorCode = -1;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** True for the statuses a client may retry: 408, 429 and 500–504, or no answer at all. */
    public boolean retriable() {
        return status == -1 || status == 408 || status == 429 || (status >= 500 && status <= 504);
    }
}
