package io.meshbone.platform.provisioning;

/**
 * A difference between a topic and its plan that the reconciler will not fix by itself.
 *
 * @param topic  the topic
 * @param field  what differs: {@code partitions}, {@code replication.factor} or a config name
 * @param wanted the planned value
 * @param actual the value the cluster has
 * @param reason why it is left alone and what an operator can do
 */
public record Drift(String topic, String field, String wanted, String actual, String reason) {

    /** One line for logs and decision records. */
    public String describe() {
        return topic + ": " + field + " is " + actual + ", the plan wants " + wanted + " (" + reason + ")";
    }
}
