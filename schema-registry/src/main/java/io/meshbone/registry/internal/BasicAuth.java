package io.meshbone.registry.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/** HTTP basic authentication against a fixed user to password map; an empty map lets every request in. */
final class BasicAuth {

    private final Map<String, String> users;

    BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
    }

    boolean enabled() {
        return !users.isEmpty();
    }

    /** True when auth is off, or the {@code Authorization} header names a known user with the right password. */
    boolean allows(String authorization) {
        if (users.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String expected = users.get(decoded.substring(0, colon));
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                decoded.substring(colon + 1).getBytes(StandardCharsets.UTF_8));
    }
}
