package io.meshbone.cli;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A {@code meshbone} child process and the file its output goes to. */
public final class ServeChild {

    public final String name;
    public final Process process;
    public final Path log;
    public long signalled;

    public ServeChild(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    public void requireAlive() throws IOException {
        if (!process.isAlive()) {
            throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + output());
        }
    }

    /** The rest of the first output line that starts with {@code prefix}, once the process printed it. */
    public String awaitValue(String prefix, Duration within) {
        return await().atMost(within).until(() -> {
            requireAlive();
            return output().lines().filter(line -> line.startsWith(prefix)).findFirst().orElse(null);
        }, line -> line != null).substring(prefix.length());
    }

    /** Writes one line to the process's standard input. */
    public void send(String line) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** SIGKILL on POSIX, waiting until the process is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
