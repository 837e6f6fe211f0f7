package io.meshbone.connect;

import java.net.URI;
import java.util.Optional;

import org.apache.kafka.connect.cli.ConnectDistributed;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in distributed mode running in this JVM, with the mesh plugin and Debezium on its classpath.
 *
 * <p>Its internal topics live on the given cluster and its REST API (the one {@code meshbone connect} and
 * Confluent tooling speak) listens on the given port. Connect's threads are not daemons: {@link #close()}
 * must run before the JVM can exit on its own.
 */
public final class ConnectWorker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectWorker.class);

    /** The user the worker's own client signs in as to a secure REST API. */
    static final String OWN_USER = "connect";

    private final Connect<? extends Herder> connect;
    private final URI restUrl;
    private final Optional<String> ownUserInfo;

    private ConnectWorker(Connect<? extends Herder> connect, Optional<String> ownUserInfo) {
        this.connect = connect;
        this.restUrl = connect.rest().serverUrl();
        this.ownUserInfo = ownUserInfo;
    }

    /** Starts the worker; returns once its REST API listens (it joins the group and reads its topics in the background). */
    public static ConnectWorker start(ConnectWorkerSettings settings) {
        long started = System.nanoTime();
        // Every worker, open ones too: plugin scanning initialises the basic-auth extension, which keeps the JAAS
        // configuration of that moment for the JVM's life, so ours must be in place before the first worker starts.
        RestUsers.prepare();
        settings.usersFile().ifPresent(RestUsers::install);
        Optional<String> ownUserInfo = settings.usersFile().flatMap(file -> RestUsers.password(file, OWN_USER))
                .map(password -> OWN_USER + ":" + password);
        Connect<? extends Herder> connect = new ConnectDistributed().startConnect(settings.workerProperties());
        ConnectWorker worker = new ConnectWorker(connect, ownUserInfo);
        log.info("Kafka Connect worker (group {}) REST on {} in {} after {} ms", settings.groupId(), worker.restUrl,
                settings.usersFile().isPresent() ? "secure mode (basic auth)" : "open mode", (System.nanoTime() - started) / 1_000_000);
        return worker;
    }

    /** The REST API's base URL, e.g. {@code http://localhost:8083/}. */
    public URI restUrl() {
        return restUrl;
    }

    /** A client for this worker's REST API; in secure mode it signs in as the users file's {@value #OWN_USER}. */
    public ConnectClient client() {
        return new ConnectClient(restUrl, ownUserInfo);
    }

    /** Stops connectors and tasks, leaves the group and closes the REST server. */
    @Override
    public void close() {
        connect.stop();
        connect.awaitStop();
    }
}
