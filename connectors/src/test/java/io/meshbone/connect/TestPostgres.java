package io.meshbone.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL test database that {@code connectors/scripts/postgres-setup.sh} prepares, over JDBC on loopback:
 * {@code meshbone_it}, so the tests' dropped and recreated tables never touch the dashboard of a local {@code up}.
 */
public final class TestPostgres {

    public static final String HOST = System.getProperty("meshbone.pg.host", "localhost");
    public static final String PORT = System.getProperty("meshbone.pg.port", "5432");
    public static final String DATABASE = System.getProperty("meshbone.pg.database", "meshbone_it");
    public static final String USER = System.getProperty("meshbone.pg.user", "meshbone");
    public static final String PASSWORD = System.getProperty("meshbone.pg.password", "meshbone");
    public static final String URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;

    private TestPostgres() {
    }

    /** Connector settings that point a JDBC sink at this database. */
    public static Map<String, String> sinkConnection() {
        return Map.of("connection.url", URL, "connection.username", USER, "connection.password", PASSWORD);
    }

    /** Connector settings that point the Debezium PostgreSQL source at this database. */
    public static Map<String, String> sourceConnection() {
        return Map.of("database.hostname", HOST, "database.port", PORT, "database.dbname", DATABASE,
                "database.user", USER, "database.password", PASSWORD);
    }

    public static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + ": " + e.getMessage()
                    + " (run connectors/scripts/postgres-setup.sh)", e);
        }
    }

    /** Rows of a query, each as the list of its column values read with {@code getObject}. */
    public static List<List<Object>> rows(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = result.getObject(i);
                    // timestamp without time zone holds UTC wall-clock time (use.time.zone=UTC).
                    row.add(value instanceof java.sql.Timestamp ts ? ts.toLocalDateTime() : value);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of();
            }
            throw new IllegalStateException("PostgreSQL at " + URL + ": " + e.getMessage(), e);
        }
    }
}
