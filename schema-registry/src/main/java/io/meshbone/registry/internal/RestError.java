package io.meshbone.registry.internal;

/** A failed request: the HTTP status and the Confluent {@code error_code} and message it answers with. */
public final class RestError extends RuntimeException {

    private final int status;
    private final int errorCode;

    RestError(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    RestError(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }
}
