package io.meshbone.platform.provisioning;

/** Kafka refused or failed a provisioning step; the message names the topic and the step. */
public final class ProvisioningException extends RuntimeException {

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
