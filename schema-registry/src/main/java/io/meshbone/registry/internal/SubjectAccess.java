package io.meshbone.registry.internal;

import java.util.Set;
import java.util.function.Supplier;

import io.meshbone.http.Call;

/**
 * Secure mode's rules, by the caller's principal: {@code User:admin} may do anything; a listed product's subjects
 * take new schemas and compatibility levels only from the contract gate ({@code User:gate}) and are deleted or have
 * their mode changed by nobody else; other subjects belong to the domain their name starts with
 * ({@code orders.} → {@code User:team-orders} and {@code User:app-orders}), the gate, and the Connect worker, which
 * runs the domains' source connectors. Registry-wide defaults and IMPORT mode are the admin's.
 */
public final class SubjectAccess implements Access {

    static final String ADMIN = "User:admin";
    static final String GATE = "User:gate";
    static final String CONNECT = "User:connect";
    private static final String[] DOMAIN_PREFIXES = {"User:team-", "User:app-"};

    private final Supplier<Set<String>> listedSubjects;

    /** {@code listedSubjects}: the subjects of the listed products now, product and staging topics, keys and values. */
    public SubjectAccess(Supplier<Set<String>> listedSubjects) {
        this.listedSubjects = listedSubjects;
    }

    @Override
    public void check(Call call, Change change, String subject) {
        String principal = call.principal().orElseThrow(Errors::unauthorized);
        if (principal.equals(ADMIN)) {
            return;
        }
        if (subject == null) {
            throw Errors.denied(change.operation(), "Cluster: schema-registry", "registry-wide settings are " + ADMIN + "'s");
        }
        if (change == Change.IMPORT_MODE) {
            throw Errors.denied(change.operation(), "Subject: " + subject, "IMPORT mode is " + ADMIN + "'s");
        }
        boolean product = listedSubjects.get().contains(subject);
        if (product) {
            boolean gateChange = change == Change.REGISTER || change == Change.CONFIG;
            if (!(gateChange && principal.equals(GATE))) {
                throw Errors.denied(change.operation(), "Subject: " + subject, gateChange
                        ? "a listed product's subject changes only through the contract gate (meshbone product apply)"
                        : "a listed product's subject is deleted or has its mode changed only by " + ADMIN);
            }
            return;
        }
        if (!principal.equals(GATE) && !principal.equals(CONNECT) && !ownedBy(principal, subject)) {
            throw Errors.denied(change.operation(), "Subject: " + subject, principal
                    + " changes only subjects of its own domain (named '<domain>.…')");
        }
    }

    private static boolean ownedBy(String principal, String subject) {
        for (String prefix : DOMAIN_PREFIXES) {
            if (principal.startsWith(prefix) && principal.length() > prefix.length()
                    && subject.startsWith(principal.substring(prefix.length()) + ".")) {
                return true;
            }
        }
        return false;
    }
}
