package io.meshbone.registry.internal;

import io.meshbone.http.Call;

/** Decides whether the caller may make a change; reads are never asked about. */
@FunctionalInterface
public interface Access {

    /** Open mode: every change is allowed, as without authentication. */
    Access OPEN = (call, change, subject) -> { };

    /**
     * Throws Confluent's 403 / 40301 when the caller may not make {@code change} to {@code subject} (null: the
     * registry-wide default).
     */
    void check(Call call, Change change, String subject);
}
