package io.meshbone.governance.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import io.meshbone.platform.control.MeshJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The pending store's values: the request's value bytes as they came, after a length-prefixed JSON header with the rest.
 * Not the value in JSON: base64 would make a request near the topic's 1 MiB limit too large for the changelog.
 */
public final class PendingRequestSerde {

    /** Room for the largest request {@code _mesh.product-requests} takes (1 MiB by default) and its header. */
    public static final int MAX_BYTES = 2 << 20;

    private PendingRequestSerde() {
    }

    public static Serde<PendingRequest> serde() {
        Serializer<PendingRequest> serializer = (topic, request) -> {
            if (request == null) {
                return null;
            }
            byte[] header = header(new Header(request.key(), request.timestamp(), request.topic(), request.partition(),
                    request.offset(), request.value() == null));
            byte[] value = request.value() == null ? new byte[0] : request.value();
            return ByteBuffer.allocate(Integer.BYTES + header.length + value.length).putInt(header.length).put(header)
                    .put(value).array();
        };
        Deserializer<PendingRequest> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                int length = buffer.getInt();
                Header header = MeshJson.read(Arrays.copyOfRange(bytes, Integer.BYTES, Integer.BYTES + length), Header.class);
                byte[] value = header.nullValue() ? null : Arrays.copyOfRange(bytes, Integer.BYTES + length, bytes.length);
                return new PendingRequest(header.key(), value, header.timestamp(), header.topic(), header.partition(),
                        header.offset());
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read a pending contract request from " + topic, e);
            }
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static byte[] header(Header header) {
        try {
            return MeshJson.write(header).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SerializationException("cannot write a pending contract request's header", e);
        }
    }

    private record Header(String key, long timestamp, String topic, int partition, long offset, boolean nullValue) {
    }
}
