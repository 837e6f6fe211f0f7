package io.meshbone.domains.dsl;

import java.util.Collection;
import java.util.TreeSet;

/** A topology named a product that is not listed in the mesh. */
public final class UnknownProductException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownProductException(String productName, Collection<String> listed) {
        super("product '" + productName + "' is not listed; listed products: " + new TreeSet<>(listed));
    }
}
