package io.meshbone.registry.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.meshbone.http.Call;
import io.meshbone.http.Endpoint;
import io.meshbone.http.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends writes to the instance that is the writer now, as Confluent's registry forwards them to its leader, so that
 * several instances do not take the transactional id from each other on every write.
 *
 * <p>The writer is the instance that wrote the latest record of {@code _schemas} (its {@link StoreCodec#WRITER_HEADER}).
 * A write arriving elsewhere goes to it with the caller's {@code Authorization}, so the writer signs the caller in and
 * decides what the caller may do, once. A write is made here instead when no writer is known, when this instance is
 * it, when another instance forwarded the write (never forwarded twice), and when the writer cannot be reached: then
 * this instance becomes the writer by initialising the transactional id, which fences the old one.
 */
final class WriteForwarding {

    /** Marks a forwarded request, naming the instance it came from. */
    static final String FORWARDED_BY = "X-Meshbone-Forwarded-By";
    private static final Logger log = LoggerFactory.getLogger(WriteForwarding.class);
    private static final List<String> PASSED_ON = List.of("Authorization", "Content-Type", "Accept");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Beyond the writer's own longest wait for a write (see {@link GroupCommit}). */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(150);

    private final KafkaStore store;
    private final RegistryState state;
    /** Made on the first forward: a lone instance never needs one (nor its selector thread). */
    private volatile HttpClient http;

    WriteForwarding(KafkaStore store, RegistryState state) {
        this.store = store;
        this.state = state;
    }

    /** {@code local} on the writer; elsewhere, the writer's answer to the same request. */
    Endpoint write(Endpoint local) {
        return call -> {
            Optional<String> writer = writerElsewhere(call);
            if (writer.isEmpty()) {
                return local.handle(call);
            }
            try {
                return forward(call, writer.get());
            } catch (WriterUnreachable e) {
                log.warn("Schemas writer {} cannot be reached ({}); this instance takes the writer role", writer.get(),
                        e.getCause().toString());
                return local.handle(call);
            }
        };
    }

    private Optional<String> writerElsewhere(Call call) {
        if (call.header(FORWARDED_BY) != null) {
            return Optional.empty();
        }
        Optional<String> self = store.self();
        Optional<String> writer = state.writer();
        if (self.isEmpty() || writer.isEmpty() || writer.get().equals(self.get())) {
            return Optional.empty();
        }
        return writer;
    }

    private Reply forward(Call call, String writer) {
        byte[] body = call.body();
        String query = call.rawQuery();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(writer + call.path() + (query == null ? "" : "?" + query)))
                .timeout(REQUEST_TIMEOUT)
                .method(call.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header(FORWARDED_BY, store.self().orElseThrow());
        for (String name : PASSED_ON) {
            String value = call.header(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<String> response = send(request.build(), writer, !"DELETE".equals(call.method()));
        if (response.statusCode() == 200) {
            // Read-your-writes here too: a read on this instance right after the answer sees the write.
            store.awaitCaughtUp();
        }
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(RegistryAnswers.CONTENT_TYPE),
                response.body());
    }

    private HttpResponse<String> send(HttpRequest request, String writer, boolean repeatable) {
        try {
            try {
                return http().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (ConnectException | HttpConnectTimeoutException e) {
                throw new WriterUnreachable(e);
            } catch (HttpTimeoutException e) {
                throw e;
            } catch (IOException e) {
                if (!repeatable) {
                    throw e;
                }
                // A pooled connection the writer closed (or it died mid-request): once more on a new connection, where a
                // dead writer refuses the connection. Registering and setting config or mode give the same answer twice.
                log.info("Forwarding to schemas writer {} failed ({}), once more", writer, e.toString());
                try {
                    return http().send(request, HttpResponse.BodyHandlers.ofString());
                } catch (ConnectException | HttpConnectTimeoutException again) {
                    throw new WriterUnreachable(again);
                }
            }
        } catch (IOException e) {
            throw Errors.forwardingFailed("Error while forwarding the request to the schemas writer " + writer + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.forwardingFailed("Interrupted while forwarding the request to the schemas writer " + writer, e);
        }
    }

    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                }
                client = http;
            }
        }
        return client;
    }

    /** The writer refused the connection or did not accept it in time: it is gone, and nothing was sent to it. */
    private static final class WriterUnreachable extends RuntimeException {

        WriterUnreachable(IOException cause) {
            super(cause);
        }
    }
}
