package io.meshbone.cli.serve;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.meshbone.domains.demo.DemoGenerator;

/**
 * The demo traffic generator: raw checkout, payment, status and profile events for the example domain apps,
 * starting with a few hours of history once the apps reading them run. One instance per mesh.
 *
 * @param checkoutsPerSecond the live rate
 * @param history            how much past event time to publish first
 * @param appsReady          says, for a part's context, whether the domain apps reading the raw topics run
 */
public record DemoPart(double checkoutsPerSecond, Duration history, Function<PartContext, BooleanSupplier> appsReady)
        implements MeshPart<DemoGenerator> {

    /** The rate {@code up} uses. */
    public static final double DEFAULT_CHECKOUTS_PER_SECOND = 5;
    /** Enough past hours that the revenue per hour (final once an hour and its grace are over) shows at once. */
    public static final Duration DEFAULT_HISTORY = Duration.ofHours(3);

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public DemoGenerator start(PartContext context) {
        DemoGenerator generator = DemoGenerator.start(context.clientConfig(), checkoutsPerSecond, history,
                appsReady.apply(context));
        context.health().part("demo-generator").running();
        return generator;
    }
}
