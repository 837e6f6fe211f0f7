package io.meshbone.http;

/** Answers one call: with a {@link Reply} or {@link StreamedReply} as it is, or with a value the service's {@link Answers#ok} turns into one. */
@FunctionalInterface
public interface Endpoint {

    Object handle(Call call);
}
