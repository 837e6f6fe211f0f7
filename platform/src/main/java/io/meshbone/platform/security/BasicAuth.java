package io.meshbone.platform.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP basic auth, as every Meshbone client signs in to the registry, the catalog and Connect. */
public final class BasicAuth {

    private BasicAuth() {
    }

    /** The {@code Authorization} header value for {@code userInfo}, {@code user:password} as in {@code basic.auth.user.info}. */
    public static String header(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }
}
