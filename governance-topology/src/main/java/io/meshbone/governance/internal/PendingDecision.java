package io.meshbone.governance.internal;

import java.io.IOException;

import io.meshbone.platform.control.MeshJson;
import io.meshbone.platform.control.ProductRequest;

/**
 * A pending request read for deciding: the request when it parses (else why not), and what of the listings its
 * decision touches.
 */
record PendingDecision(PendingRequest pending, ProductRequest request, String unreadable, DecisionGroup.Footprint footprint) {

    static PendingDecision of(PendingRequest pending) {
        try {
            ProductRequest request = MeshJson.read(pending.value(), ProductRequest.class);
            if (request == null) {
                return new PendingDecision(pending, null, "the document is null", DecisionGroup.Footprint.NONE);
            }
            return new PendingDecision(pending, request, null, DecisionGroup.Footprint.of(request));
        } catch (IOException | RuntimeException e) {
            return new PendingDecision(pending, null, e.getMessage(), DecisionGroup.Footprint.NONE);
        }
    }
}
