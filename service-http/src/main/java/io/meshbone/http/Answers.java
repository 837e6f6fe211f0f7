package io.meshbone.http;

import java.util.Set;

/** How one service words its answers: successes, failures, and calls no route takes, each in the service's own format. */
public interface Answers {

    /** The reply to a value an endpoint returned (anything but a {@link Reply}, which is sent as it is). */
    Reply ok(Object value);

    /**
     * The reply to an exception an endpoint threw. A bad query string or request body arrives as Jetty's
     * {@link org.eclipse.jetty.http.HttpException} with status 400, a body over the limit with 413.
     */
    Reply failed(Call call, RuntimeException failure);

    /** No route has the call's path. */
    Reply notFound(Call call);

    /** A route has the call's path but not its method; {@code allowed} are the methods it has. */
    Reply methodNotAllowed(Call call, Set<String> allowed);
}
