package io.meshbone.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a listener host is reachable from this machine only. */
final class Loopback {

    private Loopback() {
    }

    /** True for {@code localhost} and every name that resolves to loopback addresses only. */
    static boolean is(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (!address.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
