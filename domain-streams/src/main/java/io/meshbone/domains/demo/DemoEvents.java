package io.meshbone.domains.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import io.meshbone.domains.raw.RawCheckout;
import io.meshbone.domains.raw.RawPayment;
import io.meshbone.domains.raw.RawProfileChange;
import io.meshbone.domains.raw.RawStatus;
import io.meshbone.domains.raw.RawTopics;

/** Makes a plausible shop's raw events, one checkout per step, with the noise the apps clean up. */
final class DemoEvents {

    /** One raw event to publish. */
    record Event(String topic, String key, Object value) {
    }

    private static final String[] FIRST = {"Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Edsger", "Frances"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Dijkstra", "Allen"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "GB", "US", "CH", "SE", "ES"};
    private static final String[] CURRENCIES = {"EUR", "eur", " EUR ", "€", "USD", "usd", "$", "GBP", "£"};
    // A shop that does not say where it sells (null) is counted under UNKNOWN and warned about by the known-region rule.
    private static final String[] REGIONS = {"EMEA", "emea", " EU", "AMER", "americas", "APAC", "apac", null};
    private static final String[] CHANNELS = {"web", "WEB", "mobile", "store"};
    private static final String[] METHODS = {"card", "bank_transfer", "wallet"};

    private final Random random;
    private final String run;
    private final List<String> customers = new ArrayList<>();
    private final Deque<String> unshipped = new ArrayDeque<>();
    private final Deque<String> shipped = new ArrayDeque<>();
    private RawCheckout lastCheckout;
    private long orders;

    DemoEvents(long seed) {
        this.random = new Random(seed);
        this.run = Long.toString(seed & 0xffffff, 36);
    }

    /** The events of one step: maybe a customer change, one checkout, its payment, maybe fulfilment. */
    List<Event> step(Instant now) {
        List<Event> events = new ArrayList<>();
        if (customers.size() < 10 || random.nextDouble() < 0.05) {
            events.add(newCustomer(now));
        } else if (random.nextDouble() < 0.05) {
            events.add(profileChange(now));
        }
        if (lastCheckout != null && random.nextDouble() < 0.05) {
            // A checkout retry resends the previous order verbatim.
            events.add(new Event(RawTopics.CHECKOUT.name(), lastCheckout.orderId(), lastCheckout));
        }
        RawCheckout checkout = checkout(now);
        events.add(new Event(RawTopics.CHECKOUT.name(), checkout.orderId(), checkout));
        if (!checkout.test()) {
            events.addAll(payment(checkout, now));
            unshipped.add(checkout.orderId());
        }
        if (unshipped.size() > 5) {
            String orderId = unshipped.poll();
            boolean cancel = random.nextDouble() < 0.05;
            events.add(new Event(RawTopics.STATUS.name(), orderId,
                    new RawStatus(orderId, cancel ? "cancelled" : "SHIPPED", now, cancel ? "customer changed their mind" : null)));
            if (!cancel) {
                shipped.add(orderId);
            }
        }
        if (shipped.size() > 5) {
            String orderId = shipped.poll();
            events.add(new Event(RawTopics.STATUS.name(), orderId, new RawStatus(orderId, "DELIVERED", now, null)));
        }
        return events;
    }

    private Event newCustomer(Instant now) {
        String id = "customer-" + run + "-" + customers.size();
        customers.add(id);
        String first = pick(FIRST);
        String last = pick(LAST);
        String phone = random.nextBoolean() ? "+49170" + (1_000_000 + random.nextInt(8_999_999)) : null;
        return new Event(RawTopics.PROFILE_CHANGES.name(), id, new RawProfileChange(id, "UPSERT", first + " " + last,
                (first + "." + last + customers.size()).toLowerCase() + "@example.com", phone, pick(COUNTRIES), now));
    }

    private Event profileChange(Instant now) {
        String id = customers.get(random.nextInt(customers.size()));
        boolean moves = random.nextBoolean();
        return new Event(RawTopics.PROFILE_CHANGES.name(), id, new RawProfileChange(id, "UPSERT", null,
                moves ? null : id + "." + now.toEpochMilli() + "@example.com", null, moves ? pick(COUNTRIES) : null, now));
    }

    private RawCheckout checkout(Instant now) {
        String orderId = "order-" + run + "-" + orders++;
        BigDecimal total = BigDecimal.valueOf(500 + random.nextInt(49_500), 2);
        lastCheckout = new RawCheckout(orderId, customers.get(random.nextInt(customers.size())), now, pick(CURRENCIES),
                total, itemCount(), pick(CHANNELS), random.nextDouble() < 0.03, pick(REGIONS));
        return lastCheckout;
    }

    private List<Event> payment(RawCheckout checkout, Instant now) {
        String paymentId = "payment-" + checkout.orderId();
        String method = pick(METHODS);
        RawPayment authorized = new RawPayment(paymentId, checkout.orderId(), checkout.total(), checkout.currency(), method,
                "AUTHORIZED", now);
        if (random.nextDouble() < 0.05) {
            return List.of(new Event(RawTopics.PAYMENTS.name(), paymentId, authorized),
                    new Event(RawTopics.PAYMENTS.name(), paymentId, new RawPayment(paymentId, checkout.orderId(),
                            checkout.total(), checkout.currency(), method, "FAILED", now)));
        }
        return List.of(new Event(RawTopics.PAYMENTS.name(), paymentId, authorized),
                new Event(RawTopics.PAYMENTS.name(), paymentId, new RawPayment(paymentId, checkout.orderId(), checkout.total(),
                        checkout.currency(), method, "SETTLED", now)));
    }

    // One checkout in forty arrives without items: the gate's has-items rule sends it to the DLQ, so the catalog has reasons to show.
    private int itemCount() {
        return random.nextInt(40) == 0 ? 0 : 1 + random.nextInt(5);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
