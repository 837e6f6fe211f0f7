package io.meshbone.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.meshbone.governance.internal.ContractRegistry;
import io.meshbone.platform.contract.Compatibility;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ListedPolicy;
import io.meshbone.platform.control.ListedProduct;
import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.MeshTopics;
import io.meshbone.platform.control.PolicyRequest;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.policy.ClusterFacts;
import io.meshbone.platform.policy.Policies;
import org.apache.avro.Schema;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract gate's topology with policies, on a {@link TopologyTestDriver} and an in-memory registry. */
class PolicyGateTest {

    private static final String GOVERNANCE = Policies.GOVERNANCE_PRINCIPAL;
    private static final String PAYMENTS_OWNER = "User:team-payments";

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> productRequests;
    private TestInputTopic<String, String> policyRequests;
    private TestOutputTopic<String, Decision> decisions;
    private TestOutputTopic<String, ListedPolicy> policies;
    private TestOutputTopic<String, ListedProduct> products;

    @BeforeEach
    void startGate() {
        driver = new TopologyTestDriver(ContractGate.topology(new InMemoryRegistry(), new ClusterFacts(3)),
                ContractGate.streamsConfig("unused:9092", stateDir.toString()));
        productRequests = driver.createInputTopic(MeshTopics.PRODUCT_REQUESTS, Serdes.String().serializer(), Serdes.String().serializer());
        policyRequests = driver.createInputTopic(MeshTopics.POLICY_REQUESTS, Serdes.String().serializer(), Serdes.String().serializer());
        decisions = driver.createOutputTopic(MeshTopics.DECISIONS, Serdes.String().deserializer(),
                MeshJson.serde(Decision.class).deserializer());
        policies = driver.createOutputTopic(MeshTopics.POLICIES, Serdes.String().deserializer(),
                MeshJson.serde(ListedPolicy.class).deserializer());
        products = driver.createOutputTopic(MeshTopics.PRODUCTS, Serdes.String().deserializer(),
                MeshJson.serde(ListedProduct.class).deserializer());
    }

    @AfterEach
    void closeGate() {
        driver.close();
    }

    @Test
    void rejectsAContractThatViolatesAMeshWideDenyPolicyNamingIt() {
        assertThat(applyPolicy(GOVERNANCE, policy("min-partitions", "mesh", "", "product.spec.partitions >= 6", "deny")).outcome())
                .isEqualTo(Decision.Outcome.ACCEPTED);

        Decision decision = applyContract(PAYMENTS_OWNER, "1.0.0");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).containsExactly("pay/payment-settled.product.yaml: policy min-partitions v1: fix it.");
        assertThat(products.isEmpty()).isTrue();
    }

    @Test
    void acceptsAContractFailingAWarnPolicyWithTheWarning() {
        applyPolicy(GOVERNANCE, policy("has-slo", "mesh", "", "has(product.spec.slo)", "warn"));

        Decision decision = applyContract(PAYMENTS_OWNER, "1.0.0");

        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(decision.warnings()).containsExactly("policy has-slo v1: fix it.");
        assertThat(products.readKeyValue().key).isEqualTo("pay.payment-settled");
    }

    @Test
    void aDomainPolicyCannotLiftAMeshWideOne() {
        applyContract(PAYMENTS_OWNER, "1.0.0");
        applyPolicy(GOVERNANCE, policy("min-partitions", "mesh", "", "product.spec.partitions >= 1", "deny"));

        Decision sameName = applyPolicy(PAYMENTS_OWNER, policy("min-partitions", "pay", "", "true", "warn"));
        Decision ownOne = applyPolicy(PAYMENTS_OWNER, policy("pay-min-partitions", "pay", "", "true", "warn"));
        Decision stricter = applyContractAfterPolicy(PAYMENTS_OWNER,
                policy("pay-two-partitions", "pay", "", "product.spec.partitions >= 3", "deny"));

        assertThat(sameName.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(sameName.reasons()).singleElement().asString().contains("metadata.owner")
                .contains("owned by mesh (mesh-wide)").contains("never replace or lift a mesh-wide one");
        assertThat(ownOne.outcome()).as("a domain policy of its own name only adds").isEqualTo(Decision.Outcome.ACCEPTED);
        assertThat(stricter.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(stricter.reasons()).singleElement().asString().contains("policy pay-two-partitions v1");
    }

    @Test
    void onlyTheGovernanceGroupAppliesMeshWidePoliciesAndOnlyADomainsOwnerItsPolicies() {
        applyContract(PAYMENTS_OWNER, "1.0.0");

        Decision meshByDomain = applyPolicy(PAYMENTS_OWNER, policy("p", "mesh", "", "true", "deny"));
        Decision domainByStranger = applyPolicy("User:intruder", policy("q", "pay", "", "true", "deny"));
        Decision domainWithoutProducts = applyPolicy(PAYMENTS_OWNER, policy("r", "orders", "", "true", "deny"));

        assertThat(meshByDomain.reasons()).singleElement().asString()
                .contains("principal User:team-payments may not apply a mesh-wide policy").contains(GOVERNANCE);
        assertThat(domainByStranger.reasons()).singleElement().asString()
                .contains("User:intruder may not apply policies for domain 'pay'; it is owned by User:team-payments");
        assertThat(domainWithoutProducts.reasons()).singleElement().asString().contains("domain 'orders' has no listed product");
        assertThat(policies.isEmpty()).isTrue();

        Decision meshByAdmin = applyPolicy("User:admin", policy("m", "mesh", "", "true", "deny"));
        assertThat(meshByAdmin.outcome()).as("%s", meshByAdmin.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
    }

    @Test
    void versionsEachChangeAndNamesWhoMadeIt() {
        Decision first = applyPolicy(GOVERNANCE, policy("p", "mesh", "", "true", "deny"));
        Decision again = applyPolicy(GOVERNANCE, policy("p", "mesh", "", "true", "deny"));
        Decision changed = applyPolicy(GOVERNANCE, policy("p", "mesh", "", "true", "warn"));

        assertThat(List.of(first.version(), again.version(), changed.version())).containsExactly("1", "1", "2");
        assertThat(List.of(first.changed(), again.changed(), changed.changed())).containsExactly(true, false, true);
        assertThat(changed.policy()).isEqualTo("p");
        assertThat(changed.principal()).isEqualTo(GOVERNANCE);
        List<ListedPolicy> written = policies.readValuesToList();
        assertThat(written).extracting(l -> l.policy().version()).containsExactly(1, 2);
        assertThat(written.get(1).principal()).isEqualTo(GOVERNANCE);
        assertThat(written.get(1).document()).contains("effect: warn");
    }

    @Test
    void refusesARuleThatDoesNotCompileOrCostsTooMuch() {
        Decision broken = applyPolicy(GOVERNANCE, policy("p", "mesh", "", "product.spec.partitions >", "deny"));
        Decision costly = applyPolicy(GOVERNANCE, policy("q", "mesh", "",
                "fields.all(a, fields.all(b, fields.all(c, fields.all(d, a.name != d.name))))", "deny"));

        assertThat(broken.reasons()).singleElement().asString().contains("spec.rule").contains("not a valid CEL rule");
        assertThat(costly.reasons()).singleElement().asString().contains("spec.rule").contains("over the limit");
    }

    @Test
    void changingAPolicyMarksAListedProductNoncompliantWithoutDelistingIt() {
        applyPolicy(GOVERNANCE, policy("min-partitions", "mesh", "", "product.spec.partitions >= 1", "deny"));
        applyContract(PAYMENTS_OWNER, "1.0.0");
        products.readValuesToList();
        decisions.readValuesToList();

        policyRequests.pipeInput("min-partitions", json(PolicyRequest.apply(GOVERNANCE, "min-partitions.policy.yaml",
                policy("min-partitions", "mesh", "", "product.spec.partitions >= 6", "deny"))));
        List<Decision> afterTightening = decisions.readValuesToList();
        policyRequests.pipeInput("min-partitions", json(PolicyRequest.apply(GOVERNANCE, "min-partitions.policy.yaml",
                policy("min-partitions", "mesh", "", "product.spec.partitions >= 2", "deny"))));
        List<Decision> afterRelaxing = decisions.readValuesToList();

        assertThat(afterTightening).extracting(Decision::outcome)
                .containsExactly(Decision.Outcome.ACCEPTED, Decision.Outcome.NONCOMPLIANT);
        Decision report = afterTightening.get(1);
        assertThat(report.product()).isEqualTo("pay.payment-settled");
        assertThat(report.version()).isEqualTo("1.0.0");
        assertThat(report.reasons()).containsExactly("policy min-partitions v2: fix it.");
        assertThat(report.principal()).isEqualTo(GOVERNANCE);
        assertThat(afterRelaxing).extracting(Decision::outcome).containsExactly(Decision.Outcome.ACCEPTED, Decision.Outcome.COMPLIANT);
        assertThat(products.isEmpty()).as("nothing is delisted").isTrue();
        assertThat(applyContract(PAYMENTS_OWNER, "1.0.0").changed()).as("still listed").isFalse();
    }

    @Test
    void aPolicyRequestHasTheContractRequestsReadBeforeItDecidedFirst() {
        ProductRequest contract = ProductRequest.apply(PAYMENTS_OWNER, "pay/payment-settled.product.yaml",
                GateFixtures.paymentDescriptor("pay", "1.0.0"), Map.of("payment-settled.avsc", GateFixtures.PAYMENT_AVSC));
        productRequests.pipeInput(contract.descriptorPath(), json(contract));
        PolicyRequest tightening = PolicyRequest.apply(GOVERNANCE, "min.policy.yaml",
                policy("min-partitions", "mesh", "", "product.spec.partitions >= 6", "deny"));
        policyRequests.pipeInput("min-partitions", json(tightening));

        List<Decision> answered = decisions.readValuesToList();

        assertThat(answered).extracting(Decision::requestId).startsWith(contract.requestId(), tightening.requestId());
        assertThat(answered).extracting(Decision::outcome).as("listed before the policy came, then reported against it")
                .containsExactly(Decision.Outcome.ACCEPTED, Decision.Outcome.ACCEPTED, Decision.Outcome.NONCOMPLIANT);
    }

    @Test
    void answersAnUnreadablePolicyRequestWithARejection() {
        policyRequests.pipeInput("p", "not json");

        Decision decision = decisions.readValue();
        assertThat(decision.outcome()).isEqualTo(Decision.Outcome.REJECTED);
        assertThat(decision.reasons()).singleElement().asString().contains("not a PolicyRequest JSON document");
    }

    @Test
    void aBurstOfContractRequestsIsDecidedOnceNoneCameFor10Ms() {
        ProductRequest first = pipeContract("1.0.0");
        driver.advanceWallClockTime(Duration.ofMillis(5));
        ProductRequest second = pipeContract("1.1.0");
        driver.advanceWallClockTime(Duration.ofMillis(5));
        assertThat(decisions.isEmpty()).as("a request came 5 ms ago: the burst may go on").isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(10));

        assertThat(decisions.readValuesToList()).extracting(Decision::requestId)
                .containsExactly(first.requestId(), second.requestId());
    }

    @Test
    void aTrickleOfContractRequestsIsDecidedOnceTheOldestWaited100Ms() {
        ProductRequest first = pipeContract("1.0.0");
        int waitedMs = 0;
        // A request every 5 ms never leaves a 10 ms pause: only the oldest's wait can end the batch.
        for (int minor = 1; minor <= 40 && decisions.isEmpty(); minor++) {
            driver.advanceWallClockTime(Duration.ofMillis(5));
            waitedMs += 5;
            pipeContract("1." + minor + ".0");
        }

        assertThat(waitedMs).isEqualTo(100);
        assertThat(decisions.readValuesToList()).extracting(Decision::requestId).hasSize(20).first().isEqualTo(first.requestId());
    }

    private ProductRequest pipeContract(String version) {
        ProductRequest request = ProductRequest.apply(PAYMENTS_OWNER, "pay/payment-settled.product.yaml",
                GateFixtures.paymentDescriptor("pay", version), Map.of("payment-settled.avsc", GateFixtures.PAYMENT_AVSC));
        productRequests.pipeInput(request.descriptorPath(), json(request));
        return request;
    }

    private Decision applyContractAfterPolicy(String principal, String policyDocument) {
        applyPolicy(principal, policyDocument);
        return applyContract(principal, "1.1.0");
    }

    private Decision applyPolicy(String principal, String document) {
        PolicyRequest request = PolicyRequest.apply(principal, "test.policy.yaml", document);
        policyRequests.pipeInput("test", json(request));
        return decisions.readValuesToList().stream().filter(d -> d.requestId().equals(request.requestId())).findFirst().orElseThrow();
    }

    private Decision applyContract(String principal, String version) {
        ProductRequest request = ProductRequest.apply(principal, "pay/payment-settled.product.yaml",
                GateFixtures.paymentDescriptor("pay", version), Map.of("payment-settled.avsc", GateFixtures.PAYMENT_AVSC));
        productRequests.pipeInput(request.descriptorPath(), json(request));
        assertThat(decisions.isEmpty()).as("a contract request waits for the batch's punctuation").isTrue();
        driver.advanceWallClockTime(Duration.ofMillis(10));
        return decisions.readValue();
    }

    static String policy(String name, String owner, String scope, String rule, String effect) {
        return """
                apiVersion: meshbone/v1
                kind: Policy
                metadata: {name: %s, owner: %s, description: A policy under test.}
                spec:
                %s
                  rule: '%s'
                  effect: %s
                  message: fix it.
                """.formatted(name, owner, scope.isEmpty() ? "" : scope.indent(2).stripTrailing(), rule, effect);
    }

    private static String json(Object value) {
        try {
            return MeshJson.write(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The registry as far as the contract gate needs it: every schema compatible, ids counted up. */
    private static final class InMemoryRegistry implements ContractRegistry {
        private final AtomicInteger ids = new AtomicInteger();

        @Override
        public List<String> incompatibilities(String subject, Schema schema, Compatibility level) {
            return List.of();
        }

        @Override
        public int register(String subject, Schema schema, Compatibility level) {
            return ids.incrementAndGet();
        }
    }
}
