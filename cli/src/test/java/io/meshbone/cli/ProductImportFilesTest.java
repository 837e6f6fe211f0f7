package io.meshbone.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code product import} writes only plain file names inside its output folder, never through a link out of it. */
class ProductImportFilesTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;
    private Path odcs;

    @BeforeEach
    void exportAnExample() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("payments"));
        for (String name : new String[] {"payment-settled.product.yaml", "payment-settled.avsc"}) {
            try (InputStream in = getClass().getResourceAsStream("/meshbone/products/payments/" + name)) {
                Files.write(folder.resolve(name), in.readAllBytes());
            }
        }
        odcs = dir.resolve("payment-settled.odcs.json");
        assertThat(run("product", "export", "--format", "odcs", "--json", "-o", odcs.toString(),
                folder.resolve("payment-settled.product.yaml").toString())).as(err.toString()).isZero();
    }

    @Test
    void refusesASchemaFileNameThatLeavesTheOutputFolder() throws Exception {
        for (String name : new String[] {"../escaped.avsc", dir.resolve("absolute.avsc").toString()}) {
            Files.writeString(odcs, Files.readString(odcs).replaceAll("\"[^\"]*payment-settled\\.avsc\"|\"\\.\\./escaped\\.avsc\"",
                    "\"" + name + "\""));

            int exit = run("product", "import", "--format", "odcs", "-o", dir.resolve("imported").toString(), odcs.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(err.toString()).contains("schema[0].customProperties.avroSchemaFile: '" + name + "' is not a plain file name");
            assertThat(dir.resolve("escaped.avsc")).doesNotExist();
            assertThat(dir.resolve("absolute.avsc")).doesNotExist();
            assertThat(dir.resolve("imported")).doesNotExist();
            Files.writeString(odcs, Files.readString(odcs).replace("\"" + name + "\"", "\"payment-settled.avsc\""));
        }
    }

    @Test
    void refusesToOverwriteALinkThatPointsOutOfTheOutputFolder() throws Exception {
        Path imported = Files.createDirectories(dir.resolve("imported"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.createSymbolicLink(imported.resolve("payment-settled.avsc"), victim);

        int exit = run("product", "import", "--format", "odcs", "--force", "-o", imported.toString(), odcs.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("avroSchemaFile: 'payment-settled.avsc' is a link to " + victim.toRealPath());
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(imported.resolve("payment-settled.product.yaml")).doesNotExist();
    }

    private int run(String... args) {
        CommandLine command = Meshbone.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }
}
