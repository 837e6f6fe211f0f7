package io.meshbone.connect;

/** A Kafka Connect REST call that failed, with the HTTP status (0 when the worker was not reachable). */
public final class ConnectClientException extends RuntimeException {

    private final int status;

    public ConnectClientException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
