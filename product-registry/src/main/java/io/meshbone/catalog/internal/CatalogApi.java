package io.meshbone.catalog.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.databind.JsonNode;
import io.meshbone.http.Call;
import io.meshbone.http.ClasspathFiles;
import io.meshbone.http.JettyErrors;
import io.meshbone.http.Reply;
import io.meshbone.http.Routes;
import io.meshbone.platform.contract.Classification;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.Policies;
import io.meshbone.platform.mesh.MeshTopology;
import io.meshbone.platform.text.DidYouMean;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.ErrorHandler;

/** The catalog's endpoints: search, product pages, samples, domains, lineage, policies, apply, and metrics. */
public final class CatalogApi {

    private static final int MAX_SAMPLE = 100;
    private static final int MAX_BODY = 1 << 20;
    private static final String WEB = "meshbone/catalog/web/";
    private static final String NO_STORE = "no-store";
    private static final Duration DECISION_TIMEOUT = Duration.ofSeconds(60);

    private final CatalogState state;
    private final HealthMonitor health;
    private final Sampler sampler;
    private final Map<String, Object> clientConfig;
    private final PrometheusMeterRegistry meters;
    private final String registryUrl;
    private final ProductViews views;
    private final CatalogSearch search;
    private final PolicyViews policies;
    private final Optional<MeshTopology> clusters;
    private final LiveConsumers consumers;
    private AccessApi access;
    private final InFlightLimit applies = new InFlightLimit(InFlightLimit.APPLIES, "POST /api/products and /api/policies calls");

    public CatalogApi(CatalogState state, HealthMonitor health, Sampler sampler, Map<String, Object> clientConfig,
                      PrometheusMeterRegistry meters, String registryUrl) {
        this(state, health, sampler, clientConfig, meters, registryUrl, Optional.empty());
    }

    public CatalogApi(CatalogState state, HealthMonitor health, Sampler sampler, Map<String, Object> clientConfig,
                      PrometheusMeterRegistry meters, String registryUrl, Optional<MeshTopology> clusters) {
        this(state, health, sampler, clientConfig, meters, registryUrl, clusters, null);
    }

    /** An API whose product pages show each product's live consumers as {@code consumers} reads them. */
    public CatalogApi(CatalogState state, HealthMonitor health, Sampler sampler, Map<String, Object> clientConfig,
                      PrometheusMeterRegistry meters, String registryUrl, Optional<MeshTopology> clusters,
                      LiveConsumers consumers) {
        this.consumers = consumers;
        this.clusters = clusters;
        this.registryUrl = registryUrl;
        this.state = state;
        this.health = health;
        this.sampler = sampler;
        this.clientConfig = Map.copyOf(clientConfig);
        this.meters = meters;
        this.views = new ProductViews(state);
        this.search = new CatalogSearch(state);
        this.policies = new PolicyViews(state);
    }

    /** With the access and domain endpoints, and PII shown in samples to principals cleared for the product. */
    public CatalogApi withAccess(AccessApi value) {
        this.access = value;
        return this;
    }

    /** The catalog's HTTP handler: the API and {@code /metrics}, else the web page's files, else a JSON 404. */
    public Handler handler() {
        Routes routes = new Routes(new CatalogAnswers(), MAX_BODY).header(HttpHeader.CACHE_CONTROL, NO_STORE)
                .add("GET", "/metrics", call -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", meters.scrape()))
                .add("GET", "/api/products", call -> SearchAnswer.of(call, search(call)))
                .add("POST", "/api/products", this::apply)
                .add("GET", "/api/products/{name}", call -> detail(call.param("name")))
                .add("GET", "/api/products/{name}/sample", call -> sample(call, call.param("name"), call.query("n")))
                .add("POST", "/api/products/{name}/deprecate", this::deprecate)
                .add("POST", "/api/products/{name}/retire", this::retire)
                .add("GET", "/api/domains", call -> Map.of("domains", domains()))
                .add("GET", "/api/lineage", call -> views.graph())
                .add("GET", "/api/policies", call -> Map.of("policies", policies.all()))
                .add("POST", "/api/policies", this::applyPolicy)
                .add("GET", "/api/policies/{name}", call -> policies.one(call.param("name")))
                .add("GET", "/api/health", call -> HealthReport.reply(state, health.parts()));
        if (access != null) {
            access.addTo(routes);
        }
        return routes.handler(ClasspathFiles.handler(WEB, NO_STORE));
    }

    /** The content type the catalog's POST bodies must have. */
    public static final Set<String> CONTENT_TYPES = Set.of("application/json");

    /** A request the guard refused (403 foreign Host or Origin, 415 content type), as {@code {"status", "message"}}. */
    public static Reply refusal(int status, String message) {
        return CatalogAnswers.error(new CatalogError(status, message, Map.of()));
    }

    /** Words the errors Jetty answers itself (a malformed or ambiguous URI, oversized headers) as the API's errors. */
    public static ErrorHandler errorHandler() {
        return new JettyErrors((status, message) -> CatalogAnswers.error(
                new CatalogError(status, message == null ? HttpStatus.getMessage(status) : message, Map.of())));
    }

    private List<CatalogSearch.Hit> search(Call call) {
        for (String name : call.queryNames()) {
            if (!List.of("q", "domain", "tag", "owner", "classification", "limit", "offset").contains(name)) {
                throw CatalogError.badRequest("Unknown query parameter '" + name
                        + "'; expected q, domain, tag, owner, classification, limit or offset");
            }
        }
        String classification = call.query("classification");
        if (classification != null && !classification.isEmpty() && Arrays.stream(Classification.values())
                .noneMatch(c -> c.name().equalsIgnoreCase(classification))) {
            throw CatalogError.badRequest("classification '" + classification + "' is not one of "
                    + Arrays.stream(Classification.values()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
        return search.search(call.query("q"), call.query("domain"), call.query("tag"), call.query("owner"), classification);
    }

    private CatalogState.Entry entry(String name) {
        return state.product(name).orElseThrow(() -> CatalogError.unknownProduct(name, closest(name)));
    }

    /** Up to three listed names close enough to be what was meant; ties in name order (the state's map is sorted). */
    private List<String> closest(String name) {
        return DidYouMean.closest(name, state.products().keySet(), 3);
    }

    private Map<String, Object> detail(String name) {
        CatalogState.Entry entry = entry(name);
        Map<String, Object> m = entry.summary().toMap();
        m.put("address", views.address(entry, clientConfig.get("bootstrap.servers").toString(), registryUrl));
        clusters.ifPresent(topology -> m.put("servedOn", ServedOn.of(topology, entry.product())));
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("descriptor", entry.listed().descriptor());
        contract.put("files", entry.listed().files());
        contract.put("fields", views.fields(entry.product()));
        contract.put("inputs", entry.product().spec().inputs());
        contract.put("consumers", entry.product().spec().consumers());
        contract.put("quality", entry.product().spec().quality().stream()
                .map(q -> Map.of("name", q.name(), "rule", q.rule(), "onFailure", q.onFailure().name().toLowerCase(Locale.ROOT)))
                .toList());
        m.put("contract", contract);
        m.put("versions", entry.history().stream().map(l -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("requestId", l.requestId());
            v.put("listedAt", l.listedAt());
            v.put("valueSchemaId", l.valueSchemaId());
            v.put("principal", l.principal());
            v.put("retired", l.retired());
            return v;
        }).toList());
        m.put("decisions", state.decisions(name));
        m.put("upstream", views.upstream(name));
        m.put("downstream", views.downstream(name));
        if (consumers != null) {
            m.put("consumers", consumers.of(name, entry.product().spec().consumers()));
        }
        m.put("health", health.health(name, entry));
        m.put("compliance", policies.compliance(name, entry.product()));
        return m;
    }

    private Map<String, Object> sample(Call call, String name, String nText) {
        int n = 10;
        if (nText != null && !nText.isEmpty()) {
            try {
                n = Integer.parseInt(nText);
            } catch (NumberFormatException e) {
                throw CatalogError.badRequest("n must be an integer from 1 to " + MAX_SAMPLE + ", got '" + nText + "'");
            }
        }
        if (n < 1 || n > MAX_SAMPLE) {
            throw CatalogError.badRequest("n must be an integer from 1 to " + MAX_SAMPLE + ", got " + n);
        }
        CatalogState.Entry entry = entry(name);
        // PII only for a principal cleared for the product (its owner, or a grant that asked for PII).
        List<JsonNode> records = sampler.newest(entry.product().names().topic(), n,
                access == null || !access.piiCleared(call, name));
        return Map.of("product", name, "topic", entry.product().names().topic(), "records", records);
    }

    private List<Map<String, Object>> domains() {
        Map<String, List<String>> byDomain = new TreeMap<>();
        state.products().forEach((name, e) ->
                byDomain.computeIfAbsent(e.product().metadata().domain(), k -> new java.util.ArrayList<>()).add(name));
        return byDomain.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> Map.<String, Object>of("name", e.getKey(), "products", e.getValue())).toList();
    }

    private Reply apply(Call call) {
        ProductRequest request;
        try {
            JsonNode body = MeshJson.tree(call.body());
            if (body == null || !body.path("descriptor").isTextual()) {
                throw CatalogError.badRequest("Body must be JSON {\"descriptor\": \"<yaml>\", \"files\": {\"x.avsc\": \"...\"},"
                        + " \"descriptorPath\": \"domain/x.product.yaml\", \"principal\": \"User:...\"}");
            }
            Map<String, String> files = new TreeMap<>();
            body.path("files").fields().forEachRemaining(f -> files.put(f.getKey(), f.getValue().asText()));
            request = ProductRequest.apply(Requester.of(call, body, "User:catalog"),
                    body.path("descriptorPath").asText("catalog.product.yaml"), body.path("descriptor").asText(), files);
        } catch (IOException e) {
            throw CatalogError.badRequest("Body is not JSON: " + e.getMessage());
        }
        return decided(contracts -> contracts.apply(request, DECISION_TIMEOUT));
    }

    private Reply deprecate(Call call) {
        JsonNode body = lifecycleBody(call, "{\"sunset\": \"2027-06-30\", \"successor\": \"<product>\", \"reason\": \"...\"}");
        ProductRequest request = ProductRequest.deprecate(Requester.of(call, body, "User:meshbone-up"), call.param("name"),
                body.path("sunset").asText(null), body.path("successor").asText(null), body.path("reason").asText(null));
        return decided(contracts -> contracts.apply(request, DECISION_TIMEOUT));
    }

    private Reply retire(Call call) {
        JsonNode body = lifecycleBody(call, "{}");
        ProductRequest request = ProductRequest.retire(Requester.of(call, body, "User:meshbone-up"), call.param("name"));
        return decided(contracts -> contracts.apply(request, DECISION_TIMEOUT));
    }

    // The gate checks the fields (sunset, successor, who may ask); an empty body reads as {}.
    private static JsonNode lifecycleBody(Call call, String expected) {
        try {
            byte[] bytes = call.body();
            JsonNode body = bytes == null || bytes.length == 0 ? MeshJson.tree("{}") : MeshJson.tree(bytes);
            if (body == null || !body.isObject()) {
                throw CatalogError.badRequest("Body must be a JSON object " + expected);
            }
            return body;
        } catch (IOException e) {
            throw CatalogError.badRequest("Body is not JSON: " + e.getMessage());
        }
    }

    private Reply applyPolicy(Call call) {
        PolicyRequest request;
        try {
            JsonNode body = MeshJson.tree(call.body());
            if (body == null || !body.path("document").isTextual()) {
                throw CatalogError.badRequest("Body must be JSON {\"document\": \"<yaml>\", \"documentPath\": \"x.policy.yaml\","
                        + " \"principal\": \"User:...\"}");
            }
            request = PolicyRequest.apply(Requester.of(call, body, Policies.GOVERNANCE_PRINCIPAL),
                    body.path("documentPath").asText("catalog.policy.yaml"), body.path("document").asText());
        } catch (IOException e) {
            throw CatalogError.badRequest("Body is not JSON: " + e.getMessage());
        }
        return decided(contracts -> contracts.apply(request, DECISION_TIMEOUT));
    }

    /** Sends one request to the gate as the catalog and answers its decision: 200 accepted, 422 not, 504 no decision in time. */
    private Reply decided(GateCall gateCall) {
        try (InFlightLimit.Permit permit = applies.acquire(); ContractClient contracts = new ContractClient(clientConfig)) {
            Decision decision = gateCall.apply(contracts);
            return CatalogAnswers.json(decision.accepted() ? 200 : 422, decision);
        } catch (TimeoutException e) {
            throw new CatalogError(504, e.getMessage(), Map.of());
        }
    }

    @FunctionalInterface
    private interface GateCall {
        Decision apply(ContractClient contracts) throws TimeoutException;
    }
}
