package dev.todoapp.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local OTLP/HTTP receiver (http/protobuf, POST /v1/traces): keeps every span it is sent, read
 * straight from the protobuf wire format (only the fields a test looks at). Points
 * OTEL_EXPORTER_OTLP_ENDPOINT at itself, which is what turns tracing on.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    /** One received span; {@code kind} as OTLP numbers it (2 server, 3 client). */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, int kind,
                               Map<String, String> attributes) {
    }

    private static final List<ReceivedSpan> SPANS = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(body).readAllBytes() : body.readAllBytes();
                SPANS.addAll(spansOf(bytes));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + server.getAddress().getPort(),
                // export within a fraction of a second rather than the default 5 s
                "quarkus.otel.bsp.schedule.delay", "PT0.1S");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    public static List<ReceivedSpan> spans() {
        return List.copyOf(SPANS);
    }

    /** ExportTraceServiceRequest: 1 resource_spans { 2 scope_spans { 2 spans } }. */
    static List<ReceivedSpan> spansOf(byte[] request) {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (ByteBuffer resourceSpans : fields(request, 1)) {
            for (ByteBuffer scopeSpans : fields(bytes(resourceSpans), 2)) {
                for (ByteBuffer span : fields(bytes(scopeSpans), 2)) {
                    spans.add(span(bytes(span)));
                }
            }
        }
        return spans;
    }

    /** Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes (KeyValue: 1 key, 2 AnyValue). */
    private static ReceivedSpan span(byte[] span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (ByteBuffer keyValue : fields(span, 9)) {
            byte[] kv = bytes(keyValue);
            String key = text(fields(kv, 1).get(0));
            List<ByteBuffer> value = fields(kv, 2);
            attributes.put(key, value.isEmpty() ? "" : anyValue(bytes(value.get(0))));
        }
        return new ReceivedSpan(hex(fields(span, 1)), hex(fields(span, 2)), hex(fields(span, 4)),
                text(fields(span, 5).get(0)), varints(span, 6).stream().findFirst().orElse(0L).intValue(), attributes);
    }

    /** AnyValue: 1 string, 2 bool, 3 int; other kinds are not needed here. */
    private static String anyValue(byte[] value) {
        List<ByteBuffer> string = fields(value, 1);
        if (!string.isEmpty()) {
            return text(string.get(0));
        }
        List<Long> number = varints(value, 3);
        if (!number.isEmpty()) {
            return Long.toString(number.get(0));
        }
        List<Long> bool = varints(value, 2);
        return bool.isEmpty() ? "" : Boolean.toString(bool.get(0) != 0);
    }

    /** The length-delimited occurrences of {@code field} in a message. */
    private static List<ByteBuffer> fields(byte[] message, int field) {
        List<ByteBuffer> found = new ArrayList<>();
        walk(message, (number, wireType, buffer, varint) -> {
            if (number == field && wireType == 2) {
                found.add(buffer);
            }
        });
        return found;
    }

    private static List<Long> varints(byte[] message, int field) {
        List<Long> found = new ArrayList<>();
        walk(message, (number, wireType, buffer, varint) -> {
            if (number == field && wireType == 0) {
                found.add(varint);
            }
        });
        return found;
    }

    private interface FieldVisitor {
        void field(int number, int wireType, ByteBuffer lengthDelimited, long varint);
    }

    private static void walk(byte[] message, FieldVisitor visitor) {
        ByteBuffer in = ByteBuffer.wrap(message);
        while (in.hasRemaining()) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> visitor.field(number, wireType, null, varint(in));
                case 1 -> in.position(in.position() + 8);
                case 2 -> {
                    int length = (int) varint(in);
                    ByteBuffer slice = in.slice(in.position(), length);
                    in.position(in.position() + length);
                    visitor.field(number, wireType, slice, 0);
                }
                case 5 -> in.position(in.position() + 4);
                default -> throw new IllegalStateException("Unknown protobuf wire type " + wireType);
            }
        }
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static String text(ByteBuffer buffer) {
        return new String(bytes(buffer), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String hex(List<ByteBuffer> field) {
        return field.isEmpty() ? "" : HexFormat.of().formatHex(bytes(field.get(0)));
    }
}
