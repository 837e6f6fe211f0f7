-- The operational orders table that connectors/config/orders-cdc-source.json captures into orders.raw.orders.
CREATE TABLE orders (
    order_id     text PRIMARY KEY,
    customer_id  text NOT NULL,
    placed_at    timestamp NOT NULL,
    currency     text NOT NULL,
    total_amount numeric(12,2) NOT NULL,
    item_count   int NOT NULL,
    channel      text NOT NULL,
    region       text
);
