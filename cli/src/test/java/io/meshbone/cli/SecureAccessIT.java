package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meshbone.catalog.CatalogServer;
import io.meshbone.catalog.CatalogSettings;
import io.meshbone.cli.access.PiiClearanceCheck;
import io.meshbone.governance.ContractGate;
import io.meshbone.governance.Governance;
import io.meshbone.governance.GovernanceSettings;
import io.meshbone.localkafka.KafkaCluster;
import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import io.meshbone.platform.control.ContractClient;
import io.meshbone.platform.control.Decision;
import io.meshbone.platform.control.ProductRequest;
import io.meshbone.platform.health.HealthRegistry;
import io.meshbone.registry.SchemaRegistryServer;
import io.meshbone.registry.SchemaRegistrySettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The access verbs against a catalog that signs callers in (secure HTTP): each event carries the signed-in principal,
 * a forged one is refused, only the owner approves, and PII clearance follows the grant.
 */
@ExtendWith(SharedKafka.class)
class SecureAccessIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String DOMAIN = "sa" + TestTopics.letters(6);
    private static final String PRODUCT = DOMAIN + ".contact";
    private static final Pattern ID = Pattern.compile("request ([0-9a-f-]{36}) ");

    @Test
    void signedInCallersActAsThemselvesAndOnlyTheClearedSeePii(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        Path users = Files.writeString(dir.resolve("http-users.properties"),
                "team-" + DOMAIN + ": t-pw\napp-" + DOMAIN + ": a-pw\n");
        Path team = credentials(dir, "team-" + DOMAIN, "t-pw");
        Path app = credentials(dir, "app-" + DOMAIN, "a-pw");
        Path wrong = credentials(dir, "app-" + DOMAIN, "nope");
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(SchemaRegistrySettings.defaults(kafka.bootstrapServers())
                     .withHost("127.0.0.1").withPort(0));
             Governance governance = Governance.start(new GovernanceSettings(kafka.clientConfig(), registry.url().toString(),
                     dir.resolve("gate"), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), Duration.ofSeconds(30)),
                     new HealthRegistry(), Set.of(ContractGate.PART));
             CatalogServer catalog = CatalogServer.start(CatalogSettings.defaults(kafka.bootstrapServers(), registry.url().toString())
                     .withHost("127.0.0.1").withPort(0).withUsersFile(users))) {
            String url = catalog.url().toString();
            await().atMost(Duration.ofSeconds(120)).until(governance::running);
            listAs("User:team-" + DOMAIN, kafka);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(url, "/api/products/" + PRODUCT, team).statusCode() == 200);

            Run otherPrincipal = run(url, "access", "request", PRODUCT, "--reason", "x", "--principal", "User:team-" + DOMAIN,
                    "--credentials", app.toString());
            assertThat(otherPrincipal.exit()).isEqualTo(1);
            assertThat(otherPrincipal.err()).isEqualTo("meshbone: --principal User:team-" + DOMAIN + " is not User:app-" + DOMAIN
                    + ", whom --credentials " + app + " signs in as; the request would be made as User:app-" + DOMAIN
                    + ": drop --principal, or sign in with that principal's credentials file\n");
            Run samePrincipal = run(url, "access", "request", PRODUCT, "--reason", "dashboards", "--principal", "User:app-" + DOMAIN,
                    "--credentials", app.toString());
            assertThat(samePrincipal.exit()).as(samePrincipal.out() + samePrincipal.err()).isZero();
            assertThat(samePrincipal.out()).contains("for " + PRODUCT + " recorded: pending approval");
            Run asked = run(url, "access", "request", PRODUCT, "--reason", "support tickets", "--pii", "--credentials", app.toString());
            assertThat(asked.exit()).as(asked.out() + asked.err()).isZero();
            Matcher id = ID.matcher(asked.out());
            assertThat(id.find()).as(asked.out()).isTrue();
            Run listed = await().atMost(Duration.ofSeconds(30)).until(() -> run(url, "access", "list", "--pending",
                    "--credentials", team.toString()), r -> r.out().contains(id.group(1)));
            assertThat(listed.out()).contains("User:app-" + DOMAIN).contains("yes");

            HttpResponse<String> forged = post(url, "/api/access-requests", """
                    {"product": "%s", "reason": "x", "principal": "User:team-%s"}""".formatted(PRODUCT, DOMAIN), app);
            assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
            assertThat(run(url, "access", "list", "--credentials", wrong.toString()).err())
                    .contains("the catalog refused the credentials (401)").doesNotContain("nope");

            Run selfApproved = run(url, "access", "approve", id.group(1), "--credentials", app.toString());
            assertThat(selfApproved.exit()).isEqualTo(1);
            assertThat(selfApproved.out()).contains("User:app-" + DOMAIN + " may not approve " + PRODUCT);
            assertThatThrownBy(() -> PiiClearanceCheck.require(url, app, PRODUCT))
                    .hasMessage("--show-pii: User:app-" + DOMAIN + " is not cleared for the PII of " + PRODUCT
                            + "; ask its owner: meshbone access request " + PRODUCT + " --reason \"…\" --pii");
            PiiClearanceCheck.require(url, team, PRODUCT);
            Run tail = runBare("tail", PRODUCT, "--show-pii", "-n", "1", "--credentials", app.toString(), "--catalog-url", url);
            assertThat(tail.exit()).isEqualTo(1);
            assertThat(tail.err()).startsWith("meshbone: --show-pii: User:app-" + DOMAIN + " is not cleared for the PII of "
                    + PRODUCT);

            Run approved = run(url, "access", "approve", id.group(1), "--credentials", team.toString());
            assertThat(approved.exit()).as(approved.out() + approved.err()).isZero();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> PiiClearanceCheck.require(url, app, PRODUCT));
            assertThat(get(url, "/api/me", app).body()).contains("\"because\":\"grant\"").contains("\"pii\":true");

            Run anonymous = runBare("product", "list", "--catalog-url", url);
            assertThat(anonymous.exit()).isEqualTo(1);
            assertThat(anonymous.err()).contains("meshbone: the catalog at " + url + " refused the credentials (401);"
                    + " sign in with --credentials FILE");

            // Lifecycle verbs signed in go through the catalog (a team may not write the request topics) as the caller.
            Run notOwner = runBare("product", "retire", PRODUCT, "--credentials", app.toString(), "--catalog-url", url);
            assertThat(notOwner.exit()).as(notOwner.out() + notOwner.err()).isEqualTo(1);
            assertThat(notOwner.out()).contains(PRODUCT + " 1.0.0 REJECTED")
                    .contains("principal: User:app-" + DOMAIN + " may not retire a product listed by User:team-" + DOMAIN);
            Run refused = runBare("product", "retire", PRODUCT, "--credentials", wrong.toString(), "--catalog-url", url);
            assertThat(refused.err()).contains(PRODUCT + ": the catalog at " + url.replaceAll("/$", "") + " answered 401");
            Run retired = runBare("product", "retire", PRODUCT, "--credentials", team.toString(), "--catalog-url", url);
            assertThat(retired.exit()).as(retired.out() + retired.err()).isZero();
            assertThat(retired.out()).contains(PRODUCT + " 1.0.0 ACCEPTED", "retired: the record gate admits no more records for it");
        }
    }

    private static void listAs(String principal, KafkaCluster kafka) throws Exception {
        String descriptor = """
                apiVersion: meshbone/v1
                kind: DataProduct
                metadata: {name: contact, domain: %s, owner: team-%s@example.com, description: Contacts.}
                spec:
                  version: 1.0.0
                  type: event
                  key: {field: id}
                  value: {schema: contact.avsc}
                  compatibility: BACKWARD
                  classification: confidential
                  partitions: 1
                  retention: 1d
                  slo: {freshness: 5m}
                """.formatted(DOMAIN, DOMAIN);
        String avsc = "{\"type\":\"record\",\"name\":\"Contact\",\"namespace\":\"io.meshbone.test\",\"doc\":\"A contact.\","
                + "\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"doc\":\"Its id.\"},"
                + "{\"name\":\"email\",\"type\":\"string\",\"doc\":\"E-mail.\",\"tags\":[\"PII\"]}]}";
        try (ContractClient contracts = new ContractClient(kafka.clientConfig())) {
            Decision decision = contracts.apply(ProductRequest.apply(principal, DOMAIN + "/contact.product.yaml", descriptor,
                    Map.of("contact.avsc", avsc)), Duration.ofSeconds(60));
            assertThat(decision.outcome()).as("%s", decision.reasons()).isEqualTo(Decision.Outcome.ACCEPTED);
        }
    }

    private static Path credentials(Path dir, String user, String password) throws Exception {
        return Files.writeString(dir.resolve(user + "-" + password + ".properties"),
                "security.protocol=SASL_PLAINTEXT\nbasic.auth.user.info=" + user + ":" + password + "\n");
    }

    record Run(int exit, String out, String err) {
    }

    private static Run run(String url, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--catalog", url));
        return runBare(all.toArray(String[]::new));
    }

    private static Run runBare(String... all) {
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(all);
        return new Run(exit, out.toString(), err.toString());
    }

    private static HttpResponse<String> get(String url, String path, Path credentials) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + path)).header("Authorization",
                basic(credentials)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String path, String body, Path credentials) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url.replaceAll("/$", "") + path)).header("Authorization",
                basic(credentials)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(Path credentials) throws Exception {
        String info = Files.readAllLines(credentials).stream().filter(l -> l.startsWith("basic.auth.user.info="))
                .findFirst().orElseThrow().substring("basic.auth.user.info=".length());
        return "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8));
    }
}
