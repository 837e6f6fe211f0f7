package io.meshbone.platform.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A listed product's announced end, as the contract gate accepted it: consumers should move to the successor before
 * the sunset date.
 *
 * @param sunset    the last day the product is promised to be served (ISO date)
 * @param successor the listed product consumers should move to
 * @param reason    why, as the owner wrote it; may be null
 * @param at        when the gate accepted the deprecation
 * @param by        who asked, the product's owner
 */
public record Deprecation(LocalDate sunset, String successor, String reason, Instant at, String by) {
}
