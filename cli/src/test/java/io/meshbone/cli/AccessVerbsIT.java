package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meshbone.localkafka.testing.SharedKafka;
import io.meshbone.localkafka.testing.TestTopics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code meshbone access} and {@code meshbone domain}, run in-process against the shared embedded mesh (open mode). */
@ExtendWith({SharedKafka.class, SharedMesh.class})
class AccessVerbsIT {

    private static final String SUFFIX = TestTopics.letters(5);
    private static final Pattern ID = Pattern.compile("(?:request|transfer) ([0-9a-f-]{36}) ");

    private static String catalog;

    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void options(EmbeddedMesh mesh) {
        catalog = mesh.catalogUrl().toString();
    }

    @Test
    void aRequestListedApprovedByTheOwnerAndRevoked() {
        String analytics = "User:app-analytics" + SUFFIX;
        Run asked = run("access", "request", "orders.order-placed", "--reason", "weekly revenue report",
                "--principal", analytics);
        assertThat(asked.exit()).as(asked.err()).isZero();
        assertThat(asked.out()).contains("for orders.order-placed recorded: pending approval by the owner of domain 'orders'");
        String id = id(asked.out());

        await().atMost(Duration.ofSeconds(30)).until(() -> run("access", "list", "--pending", "--product",
                "orders.order-placed").out().contains(id));
        Run list = run("access", "list", "--pending", "--product", "orders.order-placed");
        assertThat(list.out()).containsPattern(id + "\\s+orders.order-placed\\s+" + analytics + "\\s+no\\s+pending\\s+weekly");

        Run byRequester = run("access", "approve", id, "--principal", analytics);
        assertThat(byRequester.exit()).isEqualTo(1);
        assertThat(byRequester.out()).startsWith("REJECTED ACCESS_GRANT by the contract gate:")
                .contains(analytics + " may not approve orders.order-placed");

        Run approved = run("access", "approve", id);
        assertThat(approved.exit()).as(approved.out() + approved.err()).isZero();
        assertThat(approved.out()).contains("granted: " + analytics + " may read orders.order-placed (request " + id + ")");

        Run revoked = run("access", "revoke", "orders.order-placed", analytics, "--reason", "report retired");
        assertThat(revoked.exit()).as(revoked.out() + revoked.err()).isZero();
        assertThat(revoked.out()).contains("revoked: " + analytics + " may no longer read orders.order-placed");
        System.out.println(String.join("\n", asked.out(), list.out(), byRequester.out(), approved.out(), revoked.out()));
    }

    @Test
    void aDenialNeedsAReason() {
        String id = id(run("access", "request", "customers.customer-profile", "--reason", "mailing list", "--pii",
                "--principal", "User:app-marketing" + SUFFIX).out());
        assertThat(run("access", "deny", id).exit()).as("--reason is required").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> run("access", "list", "--pending").out().contains(id));
        Run denied = run("access", "deny", id, "--reason", "no marketing on customer PII");
        assertThat(denied.exit()).as(denied.out() + denied.err()).isZero();
        assertThat(denied.out()).contains("denied: User:app-marketing" + SUFFIX + " may not read customers.customer-profile");
        System.out.println(denied.out());
    }

    @Test
    void onlyTheAdminCreatesADomainAndItsOwnerHandsItOver() {
        String domain = "ledger" + SUFFIX;
        Run byTeam = run("domain", "create", domain, "--owner", "User:team-" + domain);
        assertThat(byTeam.exit()).isEqualTo(1);
        assertThat(byTeam.out()).contains("may not create domains; only the admin (User:admin) may");
        Run created = run("domain", "create", domain, "--owner", "User:central-data", "--principal", "User:admin");
        assertThat(created.exit()).as(created.out() + created.err()).isZero();
        assertThat(created.out()).contains("domain " + domain + " created, owned by User:central-data");

        Run asked = run("domain", "transfer", domain, "--to", "User:team-" + domain, "--reason", "the domain team runs it",
                "--principal", "User:team-" + domain);
        assertThat(asked.exit()).as(asked.out() + asked.err()).isZero();
        String id = id(asked.out());
        await().atMost(Duration.ofSeconds(30)).until(() -> run("domain", "describe", domain).out().contains(id + " to"));
        Run approved = run("domain", "approve", id, "--principal", "User:central-data");
        assertThat(approved.exit()).as(approved.out() + approved.err()).isZero();
        assertThat(approved.out()).contains("domain " + domain + " now owned by User:team-" + domain);
        Run described = await().atMost(Duration.ofSeconds(30)).until(() -> run("domain", "describe", domain),
                r -> r.out().contains("owner      User:team-" + domain));
        assertThat(described.out()).contains("User:central-data (decided by User:admin)")
                .contains("User:team-" + domain + " (decided by User:central-data)");
        System.out.println(String.join("\n", byTeam.out(), created.out(), asked.out(), approved.out(), described.out()));
    }

    @Test
    void aCredentialsFileWithoutALoginIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("broken.properties"), "security.protocol=SASL_PLAINTEXT\n");
        Run run = run("access", "list", "--credentials", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("broken.properties").contains("basic.auth.user.info");
    }

    private static String id(String out) {
        Matcher m = ID.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--catalog", catalog));
        CommandLine cli = Meshbone.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
