package io.meshbone.cli.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.meshbone.domains.DomainApp;
import io.meshbone.domains.DomainApps;
import io.meshbone.platform.mesh.MeshTopology;

/**
 * The example domain apps (each a Kafka Streams app, started once the products it reads and writes are listed);
 * instances of an app share its partitions.
 *
 * @param apps     the apps to run
 * @param clusters the isolated mesh's clusters ({@code --clusters}): an app may read products listed on the others
 */
public record DomainsPart(List<DomainApp> apps, Optional<MeshTopology> clusters) implements MeshPart<DomainApps> {

    public DomainsPart {
        apps = List.copyOf(apps);
        Objects.requireNonNull(clusters, "clusters");
    }

    /** The apps on a co-located mesh. */
    public DomainsPart(List<DomainApp> apps) {
        this(apps, Optional.empty());
    }

    /** The same apps on one cluster of {@code value}, when present. */
    public DomainsPart withClusters(Optional<MeshTopology> value) {
        return new DomainsPart(apps, value);
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
        // The other clusters, told apart from this one by their bootstrap servers, with this part's client settings.
        List<Map<String, Object>> elsewhere = clusters.map(t -> t.clusters().stream()
                .filter(c -> !c.bootstrapServers().equals(context.bootstrapServers()))
                .map(c -> {
                    Map<String, Object> config = new HashMap<>(context.clientConfig());
                    config.put("bootstrap.servers", c.bootstrapServers());
                    return config;
                }).toList()).orElse(List.of());
        return DomainApps.start(context.clientConfig(), context.registryUrl(), context.stateDir().resolve("domains"),
                context.meters(), apps, context.health(), elsewhere);
    }
}
