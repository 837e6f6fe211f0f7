package io.meshbone.cli.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.meshbone.localkafka.LocalKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops and starts single brokers of {@code serve kafka --brokers 3} on command lines read from standard input
 * ({@code stop-broker N}, {@code start-broker N}), so a development cluster can lose a broker and get it back
 * without losing the process; each command answers one line ({@code broker N stopped}, {@code broker N started}).
 */
final class BrokerControl {

    private static final Logger log = LoggerFactory.getLogger(BrokerControl.class);
    private static final Pattern COMMAND = Pattern.compile("\\s*(stop|start)-broker\\s+(\\d{1,9})\\s*");

    private BrokerControl() {
    }

    /** Follows {@code in} on a daemon thread until it ends; a closed or absent standard input just ends the thread. */
    static void follow(LocalKafka kafka, InputStream in, PrintStream out, PrintStream err) {
        Thread thread = new Thread(() -> read(kafka, in, out, err), "broker-control");
        thread.setDaemon(true);
        thread.start();
    }

    private static void read(LocalKafka kafka, InputStream in, PrintStream out, PrintStream err) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    answer(kafka, line, out, err);
                }
            }
        } catch (IOException e) {
            log.debug("standard input closed: {}", e.toString());
        }
    }

    static void answer(LocalKafka kafka, String line, PrintStream out, PrintStream err) {
        Matcher command = COMMAND.matcher(line);
        if (!command.matches()) {
            err.println("meshbone serve kafka: unknown command '" + line.strip() + "'; expected stop-broker N or start-broker N");
            return;
        }
        int broker = Integer.parseInt(command.group(2));
        try {
            if (command.group(1).equals("stop")) {
                kafka.stopBroker(broker);
                out.println("broker " + broker + " stopped");
            } else {
                kafka.startBroker(broker);
                out.println("broker " + broker + " started");
            }
        } catch (RuntimeException e) {
            err.println("meshbone serve kafka: " + line.strip() + ": " + e.getMessage());
        }
        out.flush();
        err.flush();
    }
}
