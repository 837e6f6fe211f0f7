package io.meshbone.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The one precedence of {@code serve} settings: flag, then MESHBONE_* variable, then --config file, then default. */
class ServeSettingsTest {

    @TempDir
    Path dir;

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Path file = config("bootstrap-server=file:9092", "host=file-host", "port=1111", "management-port=2222",
                "registry-url=http://file:8081");
        Map<String, String> env = Map.of("MESHBONE_CONFIG", file.toString(),
                "MESHBONE_BOOTSTRAP_SERVER", "env:9092", "MESHBONE_HOST", "env-host", "MESHBONE_PORT", "3333");

        ServeCatalogCommand catalog = parse(new ServeCatalogCommand(), env, "--bootstrap-server", "flag:9092");

        assertThat(catalog.options.bootstrapServer).as("flag over variable and file").isEqualTo("flag:9092");
        assertThat(catalog.options.host).as("variable over file").isEqualTo("env-host");
        assertThat(catalog.port).as("variable over file").isEqualTo(3333);
        assertThat(catalog.options.managementPort(ServeCatalogCommand.MANAGEMENT_PORT)).as("file over default").isEqualTo(2222);
        assertThat(catalog.registry.registryUrl).as("file over default").isEqualTo("http://file:8081");
    }

    @Test
    void builtInDefaultsMatchUp() {
        ServeCatalogCommand catalog = parse(new ServeCatalogCommand(), Map.of());

        assertThat(catalog.options.bootstrapServer).isEqualTo("localhost:9092");
        assertThat(catalog.options.host).isEqualTo("localhost");
        assertThat(catalog.port).isEqualTo(8080);
        assertThat(catalog.registry.registryUrl).isEqualTo("http://localhost:8081");
        assertThat(catalog.options.managementPort(ServeCatalogCommand.MANAGEMENT_PORT)).isEqualTo(7080);
        assertThat(parse(new ServeGovernanceCommand(), Map.of()).parts).containsExactly("contract-gate", "record-gate", "provisioner");
    }

    @Test
    void configFlagBeatsConfigVariable() throws IOException {
        Path fromVariable = config("port=1");
        Path fromFlag = config("port=2");

        ServeRegistryCommand registry = parse(new ServeRegistryCommand(), Map.of("MESHBONE_CONFIG", fromVariable.toString()),
                "--config", fromFlag.toString());

        assertThat(registry.port).isEqualTo(2);
    }

    @Test
    void theRegistrysAdvertisedUrlComesFromItsVariableAndDefaultsToNone() {
        ServeRegistryCommand named = parse(new ServeRegistryCommand(), Map.of("MESHBONE_ADVERTISED_URL", "http://registry-1:8081"));
        ServeRegistryCommand unnamed = parse(new ServeRegistryCommand(), Map.of());

        assertThat(named.advertisedUrl).isEqualTo(java.net.URI.create("http://registry-1:8081"));
        assertThat(unnamed.advertisedUrl).isNull();
    }

    @Test
    void kafkaClientSettingsReachTheClientConfigVariablesOverFile() throws IOException {
        Path file = config("kafka.security.protocol=SSL", "kafka.sasl.mechanism=PLAIN", "kafka.bootstrap.servers=ignored:1");
        Map<String, String> env = Map.of("MESHBONE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "MESHBONE_KAFKA_SASL_JAAS_CONFIG", "org.example.Login required;");

        ServeGovernanceCommand governance = parse(new ServeGovernanceCommand(), env, "--config", file.toString(),
                "--bootstrap-server", "broker:9093");

        assertThat(governance.options.clientConfig()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "bootstrap.servers", "broker:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.example.Login required;"));
    }

    @Test
    void namesFollowOneRule() {
        assertThat(ServeEnvironment.variableFor("--bootstrap-server")).isEqualTo("MESHBONE_BOOTSTRAP_SERVER");
        assertThat(ServeEnvironment.variableFor("--management-port")).isEqualTo("MESHBONE_MANAGEMENT_PORT");
        assertThat(ServeEnvironment.fileKeyFor("--registry-url")).isEqualTo("registry-url");
        assertThat(ServeEnvironment.kafkaProperty("SSL_TRUSTSTORE_LOCATION")).isEqualTo("ssl.truststore.location");
        assertThat(ServeEnvironment.kafkaProperty("SOME__UNDERSCORED___DASHED")).isEqualTo("some_underscored-dashed");
        assertThatThrownBy(() -> ServeEnvironment.variableFor("port")).hasMessageContaining("--bootstrap-server");
    }

    @Test
    void listsEveryVariableServeReads() {
        assertThat(ServeEnvironment.variables()).contains("MESHBONE_BOOTSTRAP_SERVER", "MESHBONE_REGISTRY_URL", "MESHBONE_CONFIG",
                "MESHBONE_MANAGEMENT_PORT", "MESHBONE_HOST", "MESHBONE_DATA_DIR", "MESHBONE_PARTS", "MESHBONE_PORT",
                "MESHBONE_BROKERS", "MESHBONE_RATE", "MESHBONE_LOG_LEVEL").doesNotContain("MESHBONE_HELP", "MESHBONE_VERSION");
        assertThat(ServeEnvironment.reads("MESHBONE_KAFKA_SECURITY_PROTOCOL")).isTrue();
        assertThat(ServeEnvironment.reads("MESHBONE_CATALOG_URL")).as("a verb's variable, not serve's").isFalse();
    }

    @Test
    void aMissingConfigFileIsAnErrorNamingIt() {
        Path missing = dir.resolve("missing.properties");
        CommandLine commandLine = new CommandLine(new ServeCatalogCommand()).setDefaultValueProvider(new ServeDefaults(Map.of()));

        assertThatThrownBy(() -> commandLine.parseArgs("--config", missing.toString()))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--config").hasMessageContaining(missing.toString());
    }

    @Test
    void unknownGovernancePartsAreRejectedByName() {
        assertThatThrownBy(() -> new GovernancePart(java.util.Set.of("record-gate", "gatekeeper")))
                .hasMessageContaining("--parts").hasMessageContaining("gatekeeper").hasMessageContaining("contract-gate");
    }

    @Test
    void unknownDomainAppsAreRejectedByName() {
        assertThatThrownBy(() -> DomainsPart.named(java.util.List.of("orders-refinement", "nope")))
                .hasMessageContaining("nope").hasMessageContaining("orders-refinement");
        assertThat(DomainsPart.named(java.util.List.of("orders-refinement")).apps()).hasSize(1);
    }

    @Test
    void connectTasksGetTheClientSettingsToo() {
        assertThat(ConnectPart.workerClientSettings(Map.of("bootstrap.servers", "b:1", "security.protocol", "SSL")))
                .containsOnly(Map.entry("security.protocol", "SSL"), Map.entry("producer.security.protocol", "SSL"),
                        Map.entry("consumer.security.protocol", "SSL"), Map.entry("admin.security.protocol", "SSL"));
    }

    private static <T> T parse(T command, Map<String, String> env, String... args) {
        new CommandLine(command).setDefaultValueProvider(new ServeDefaults(env)).parseArgs(args);
        return command;
    }

    private Path config(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "serve", ".properties");
        Files.write(file, java.util.List.of(lines));
        Properties check = ServeEnvironment.load(file);
        assertThat(check).hasSize(lines.length);
        return file;
    }
}
