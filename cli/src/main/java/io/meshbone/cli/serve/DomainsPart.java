package io.meshbone.cli.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;

/**
 * The example domain apps (each a Kafka Streams app, started once the products it reads and writes are listed);
 * instances of an app share its partitions.
 *
 * @param apps the apps to run
 */
public record DomainsPart(List<DomainApp> apps) implements MeshPart<DomainApps> {

    public DomainsPart {
        apps = List.copyOf(apps);
    }

    /** Every example app. */
    public static DomainsPart all() {
        return new DomainsPart(DomainApps.all());
    }

    /** The apps with these application ids, every app when none is given; an unknown id is an error listing the known ones. */
    public static DomainsPart named(List<String> applicationIds) {
        if (applicationIds == null || applicationIds.isEmpty()) {
            return all();
        }
        Map<String, DomainApp> known = DomainApps.all().stream()
                .collect(Collectors.toMap(DomainApp::applicationId, Function.identity()));
        List<DomainApp> chosen = new ArrayList<>();
        for (String id : applicationIds) {
            DomainApp app = known.get(id);
            if (app == null) {
                throw new IllegalArgumentException("APP: no domain app " + id + "; expected one of "
                        + DomainApps.all().stream().map(DomainApp::applicationId).toList());
            }
            chosen.add(app);
        }
        return new DomainsPart(chosen);
    }

    @Override
    public String name() {
        return "domains";
    }

    @Override
    public DomainApps start(PartContext context) {
        return DomainApps.start(context.clientConfig(), context.registryUrl(), context.stateDir().resolve("domains"),
                context.meters(), apps, context.health());
    }
}
