package io.meshbone.cli.serve;

import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT (Ctrl-C) as a stop request the main thread waits for, so {@code up} and every {@code serve}
 * process stop their parts cleanly and exit 0 instead of the JVM's 143/130.
 */
public final class StopSignal {

    private final CountDownLatch stop = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Handles both signals from now on. */
    public static StopSignal install() {
        StopSignal signal = new StopSignal();
        Signal.handle(new Signal("TERM"), s -> signal.stop.countDown());
        Signal.handle(new Signal("INT"), s -> signal.stop.countDown());
        return signal;
    }

    /** True once a signal arrived. */
    public boolean requested() {
        return stop.getCount() == 0;
    }

    /** Returns once a signal arrived. */
    public void await() throws InterruptedException {
        stop.await();
    }
}
