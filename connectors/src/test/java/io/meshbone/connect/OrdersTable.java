package io.meshbone.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The operational {@code orders} table the CDC source captures, as {@code scripts/orders-table.sql} defines it. */
final class OrdersTable {

    static final Path DDL = Path.of("scripts", "orders-table.sql");

    private OrdersTable() {
    }

    /** Drops the table and the source's publication, then creates the table empty. */
    static void recreate() {
        try {
            TestPostgres.execute("DROP PUBLICATION IF EXISTS meshbone_orders", "DROP TABLE IF EXISTS orders",
                    Files.readString(DDL));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DDL.toAbsolutePath(), e);
        }
    }
}
