package io.meshbone.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** Checks whether the PostgreSQL database a JDBC sink connector writes to accepts connections. */
public final class DashboardDatabase {

    private DashboardDatabase() {
    }

    /**
     * Why a sink connector's database cannot be used, or empty if a connection succeeds.
     *
     * <p>Reads {@code connection.url}, {@code connection.username} and {@code connection.password} from the
     * connector's settings, so {@code meshbone up} can say once that the dashboard sink is skipped instead of
     * letting its task fail and retry.
     */
    public static Optional<String> unreachable(ConnectorConfig sink) {
        String url = sink.config().get("connection.url");
        if (url == null) {
            return Optional.of("connector " + sink.name() + " has no connection.url");
        }
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(url, sink.config().get("connection.username"),
                ConnectorSecrets.resolve(sink.config().get("connection.password")))) {
            return connection.isValid(3) ? Optional.empty() : Optional.of("PostgreSQL at " + url + " did not answer");
        } catch (SQLException | IllegalArgumentException e) {
            return Optional.of("PostgreSQL at " + url + " is not reachable: " + e.getMessage());
        }
    }
}
