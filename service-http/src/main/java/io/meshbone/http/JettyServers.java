package io.meshbone.http;

import java.net.URI;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Jetty plumbing the schema registry and the catalog share: one connector on a host and port, a quiet stop. */
public final class JettyServers {

    private static final Logger log = LoggerFactory.getLogger(JettyServers.class);

    private JettyServers() {
    }

    /** A server, not yet started, with one HTTP connector on {@code host:port} (port 0 picks a free one). */
    public static Server onPort(String host, int port) {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(host);
        connector.setPort(port);
        jetty.addConnector(connector);
        return jetty;
    }

    /** The started server's base URL, with the port actually bound. */
    public static URI url(Server jetty, String host) {
        return URI.create("http://" + host + ":" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
    }

    /** Stops the server if it runs; a failure to stop is logged, not thrown, so the caller's other parts still close. */
    public static void stopQuietly(Server jetty) {
        try {
            if (!jetty.isStopped()) {
                jetty.stop();
            }
        } catch (Exception e) {
            log.warn("Jetty did not stop cleanly: {}", e.toString());
        }
    }
}
