package io.meshbone.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.platform.control.ContractClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A contract's schema files stay inside its folder: no '..', no absolute paths, no links out of it. */
class SchemaFilesFolderTest {

    @TempDir
    Path dir;

    @Test
    void readsAPlainFileAndALinkThatStaysInside() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("payments"));
        Files.writeString(folder.resolve("real.avsc"), "{}");
        Files.createSymbolicLink(folder.resolve("alias.avsc"), folder.resolve("real.avsc"));

        assertThat(SchemaFiles.directory(folder).read("real.avsc")).contains("{}");
        assertThat(SchemaFiles.directory(folder).read("alias.avsc")).contains("{}");
        assertThat(SchemaFiles.directory(folder).read("missing.avsc")).isEmpty();
    }

    @Test
    void refusesALinkOutOfTheFolderADotDotPathAndAnAbsolutePath() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("payments"));
        Path secret = Files.writeString(dir.resolve("secret.avsc"), "{\"type\": \"string\"}");
        Files.createSymbolicLink(folder.resolve("payment-settled.avsc"), secret);

        assertThatThrownBy(() -> SchemaFiles.directory(folder).read("payment-settled.avsc"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'payment-settled.avsc' is a link to " + secret.toRealPath())
                .hasMessageContaining("outside");
        assertThat(SchemaFiles.leavesFolder(folder, "../secret.avsc")).get().asString().contains("outside");
        assertThat(SchemaFiles.leavesFolder(folder, "/etc/passwd")).get().asString().contains("'/etc/passwd' resolves to /etc/passwd");
        assertThat(SchemaFiles.isPlainFileName("../x.avsc")).isFalse();
        assertThat(SchemaFiles.isPlainFileName("/etc/passwd")).isFalse();
        assertThat(SchemaFiles.isPlainFileName("payment-settled.avsc")).isTrue();
    }

    @Test
    void refusesADanglingLinkThatAWriteWouldFollow() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("imported"));
        Files.createSymbolicLink(folder.resolve("payment-settled.avsc"), dir.resolve("elsewhere.avsc"));

        assertThat(SchemaFiles.leavesFolder(folder, "payment-settled.avsc")).get().asString().contains("does not exist");
    }

    @Test
    void aDescriptorWhoseSchemaLinksOutOfItsFolderNamesTheFieldAndTheTarget() throws IOException {
        Path folder = linkedOutCopy();

        ParsedDescriptor parsed = ProductDescriptors.parse("customer-profile.product.yaml",
                Files.readString(folder.resolve("customer-profile.product.yaml")), SchemaFiles.directory(folder));

        assertThat(parsed.product()).isEmpty();
        assertThat(parsed.problems()).singleElement().asString()
                .startsWith("customer-profile.product.yaml: spec.value.schema: cannot read customer-profile.avsc:")
                .contains("is a link to " + dir.resolve("outside.avsc").toRealPath());
    }

    @Test
    void anApplyRequestRefusesToCarryAFileFromOutsideTheFolder() throws IOException {
        Path folder = linkedOutCopy();

        assertThatThrownBy(() -> ContractClient.request(folder.resolve("customer-profile.product.yaml"),
                "customers/customer-profile.product.yaml", "User:test"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("customers/customer-profile.product.yaml: spec.value.schema: 'customer-profile.avsc'"
                        + " is a link to " + dir.resolve("outside.avsc").toRealPath());
    }

    @Test
    void importRefusesSchemaFileNamesThatAreNotPlainFileNames() {
        for (String name : new String[] {"../x.avsc", "/etc/passwd", "sub/x.avsc", ".."}) {
            ObjectNode odcs = Odcs.export(Fixtures.validProducts().get(0));
            for (JsonNode property : odcs.get("schema").get(0).get("customProperties")) {
                if (property.get("property").asText().equals("avroSchemaFile")) {
                    ((ObjectNode) property).put("value", name);
                }
            }

            assertThatThrownBy(() -> Odcs.importDocument("x.odcs.json", odcs.toString()))
                    .as(name)
                    .isInstanceOf(ContractException.class)
                    .hasMessageContaining("x.odcs.json: schema[0].customProperties.avroSchemaFile: '" + name
                            + "' is not a plain file name (expected a plain file name inside the folder");
        }
    }

    /** The customers example with its value schema replaced by a link to a copy outside the folder. */
    private Path linkedOutCopy() throws IOException {
        Path source = Fixtures.valid().resolve("customers");
        Path folder = Files.createDirectories(dir.resolve("customers"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        Path outside = Files.move(folder.resolve("customer-profile.avsc"), dir.resolve("outside.avsc"));
        Files.createSymbolicLink(folder.resolve("customer-profile.avsc"), outside);
        return folder;
    }
}
