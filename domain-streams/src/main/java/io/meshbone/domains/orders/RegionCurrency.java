package io.meshbone.domains.orders;

/**
 * What revenue is summed by within an hour: a sales region and a currency, since amounts in different currencies
 * do not add up.
 */
record RegionCurrency(String region, String currency) {
}
