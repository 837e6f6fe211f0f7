package io.meshbone.cli.init;

import java.util.Locale;

/** Java and Avro identifiers made from lower-kebab mesh names. */
final class Identifiers {

    private Identifiers() {
    }

    /** {@code payment-settled} → {@code PaymentSettled}. */
    static String pascal(String kebab) {
        StringBuilder out = new StringBuilder();
        for (String part : kebab.split("-")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    /** {@code payment-settled} → {@code paymentSettled}. */
    static String camel(String kebab) {
        String pascal = pascal(kebab);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** {@code order-status} → {@code orderstatus}: a package name part. */
    static String packagePart(String kebab) {
        return kebab.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
