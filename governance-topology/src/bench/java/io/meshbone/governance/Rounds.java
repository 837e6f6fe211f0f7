package io.meshbone.governance;

import java.util.Arrays;

/** The records/s of one variant over the alternating rounds: median and spread. */
final class Rounds {

    private final double[] rates;
    private int count;

    Rounds(int rounds) {
        this.rates = new double[rounds];
    }

    void add(double rate) {
        rates[count++] = rate;
    }

    double median() {
        double[] sorted = sorted();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min() {
        return sorted()[0];
    }

    double max() {
        double[] sorted = sorted();
        return sorted[sorted.length - 1];
    }

    private double[] sorted() {
        double[] sorted = Arrays.copyOf(rates, count);
        Arrays.sort(sorted);
        return sorted;
    }
}
