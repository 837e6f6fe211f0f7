package io.meshbone.platform.provisioning;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.KafkaFuture;

/** Waits for an Admin call of the reconcilers, turning its failure into a {@link ProvisioningException} naming the step. */
final class AdminCalls {

    private AdminCalls() {
    }

    static <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new ProvisioningException("cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted: " + what, e);
        }
    }
}
