package io.meshbone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code meshbone version}: Meshbone's version and the Kafka client it carries. */
@Command(name = "version", description = "Print Meshbone's and Kafka's versions.")
final class VersionCommand implements Runnable {

    @Override
    public void run() {
        for (String line : new Provider().getVersion()) {
            System.out.println(line);
        }
    }

    static String meshboneVersion() {
        try (InputStream in = VersionCommand.class.getResourceAsStream("/meshbone-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read meshbone-version.properties", e);
        }
    }

    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "meshbone " + meshboneVersion(),
                "kafka " + AppInfoParser.getVersion(),
                "java " + System.getProperty("java.version"),
            };
        }
    }
}
