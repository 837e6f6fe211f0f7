package io.meshbone.platform.health;

/** The handle one part reports its state through; see {@link HealthRegistry#part}. */
public final class PartReporter {

    private final HealthRegistry registry;
    private final String name;

    PartReporter(HealthRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /** A reporter whose reports go nowhere but a registry of its own, for parts run without a health endpoint. */
    public static PartReporter detached(String name) {
        return new HealthRegistry().part(name);
    }

    public String name() {
        return name;
    }

    /** Starting, or starting again after a failure ({@code reason} says which; null on a first start). */
    public void starting(String reason) {
        registry.report(name, PartHealth.State.STARTING, reason, null);
    }

    public void running() {
        registry.report(name, PartHealth.State.RUNNING, null, null);
    }

    /** Running, with {@code lag} records still to read. */
    public void running(long lag) {
        registry.report(name, PartHealth.State.RUNNING, null, lag);
    }

    public void failed(String reason) {
        registry.report(name, PartHealth.State.FAILED, reason, null);
    }

    /** Takes the part off the registry, when it has been stopped on purpose. */
    public void remove() {
        registry.remove(name);
    }
}
