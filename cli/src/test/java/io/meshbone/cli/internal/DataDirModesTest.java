package io.meshbone.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one line {@code up} and {@code serve kafka} give for a data dir run in the other mode. */
class DataDirModesTest {

    @Test
    void aSecureDataDirRefusesOpenModeNamingTheDirAndWhatToDo(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("security.mode"), "secure\n");
        String problem = DataDirModes.problem("meshbone up", dataDir, false);
        assertThat(problem).startsWith("meshbone up: data dir " + dataDir + " was set up with --secure")
                .contains("start it with --secure").contains(dataDir.resolve("credentials").toString()).doesNotContain("\n");
        assertThat(DataDirModes.problem("meshbone up", dataDir, true)).isNull();
        assertThat(DataDirModes.notice(dataDir, true)).isNull();
    }

    @Test
    void anOpenDataDirStartsSecureWithANotice(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("security.mode"), "open\n");
        assertThat(DataDirModes.problem("meshbone up", dataDir, true)).isNull();
        assertThat(DataDirModes.problem("meshbone up", dataDir, false)).isNull();
        assertThat(DataDirModes.notice(dataDir, true)).contains(dataDir.toString()).contains("starting it secure");
        assertThat(DataDirModes.notice(dataDir, false)).isNull();
    }

    @Test
    void aNewOrTemporaryDataDirStartsEitherWay(@TempDir Path dataDir) {
        assertThat(DataDirModes.problem("meshbone up", dataDir, false)).isNull();
        assertThat(DataDirModes.problem("meshbone up", null, false)).isNull();
        assertThat(DataDirModes.notice(null, true)).isNull();
    }
}
