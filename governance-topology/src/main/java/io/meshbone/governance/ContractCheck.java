package io.meshbone.governance;

import java.util.List;
import java.util.Optional;

import io.meshbone.platform.contract.DataProduct;
import io.meshbone.platform.control.ProductRequest;

/**
 * One more check of a well-formed contract request beyond the gate's own, such as a mesh policy; the gate and
 * {@code meshbone product check} run the same list.
 */
@FunctionalInterface
public interface ContractCheck {

    /**
     * Every reason to refuse {@code product} as requested, each {@code <file>: <field>: <what is wrong, what was
     * expected>}; empty when there is none.
     *
     * @param previous the listed version it would replace, if any (not retired)
     */
    List<String> reasons(ProductRequest request, DataProduct product, Optional<DataProduct> previous);
}
