package io.meshbone.registry.internal;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meshbone.http.Answers;
import io.meshbone.http.Call;
import io.meshbone.http.Reply;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's wording: every answer is JSON with content type {@code application/vnd.schemaregistry.v1+json},
 * every error body carries {@code error_code} and {@code message}.
 */
final class RegistryAnswers implements Answers {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Logger log = LoggerFactory.getLogger(RegistryAnswers.class);

    private final int maxBodyBytes;

    RegistryAnswers(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A body that is already JSON text: the schema itself, as Confluent's {@code /schema} endpoints answer. */
    static Reply rawJson(String text) {
        return new Reply(200, CONTENT_TYPE, text);
    }

    /** An error Jetty answers itself: a failed authentication, a malformed URI, oversized headers. */
    static Reply jettyError(int status, String message) {
        return error(status == 401 ? Errors.unauthorized() : Errors.http(status));
    }

    @Override
    public Reply ok(Object value) {
        return new Reply(200, CONTENT_TYPE, Json.write(value));
    }

    @Override
    public Reply failed(Call call, RuntimeException failure) {
        RestError error;
        if (failure instanceof RestError restError) {
            error = restError;
        } else if (failure instanceof HttpException http) {
            error = http.getCode() == 413 ? Errors.schemaTooLarge(maxBodyBytes) : Errors.http(http.getCode(), http.getReason());
        } else {
            log.error("{} {} failed", call.method(), call.path(), failure);
            return error(Errors.internal("Internal error: " + failure.getClass().getSimpleName(), failure));
        }
        if (error.status() >= 500) {
            log.error("{} {} failed: {}", call.method(), call.path(), error.getMessage(), error.getCause());
        }
        return error(error);
    }

    @Override
    public Reply notFound(Call call) {
        return error(Errors.notFound());
    }

    @Override
    public Reply methodNotAllowed(Call call, Set<String> allowed) {
        return error(Errors.methodNotAllowed());
    }

    static Reply error(RestError error) {
        ObjectNode node = Json.object();
        node.put("error_code", error.errorCode());
        node.put("message", error.getMessage());
        return new Reply(error.status(), CONTENT_TYPE, Json.write(node));
    }
}
