package dev.todoapp.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket: sends exactly the bytes a hostile client would (invalid UTF-8 in the
 * target, headers and body; headers the JDK client refuses). One request per connection.
 */
public final class WireClient {

    public record Reply(int status, String statusMessage, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private WireClient() {
    }

    /**
     * headers: name/value pairs as raw bytes (ISO-8859-1 for the names). Host, Connection and Content-Length
     * are added. Each request connects from a fresh loopback address, so per-IP limits of one don't touch the next.
     */
    public static Reply exchange(int port, String method, byte[] target, List<Map.Entry<String, byte[]>> headers, byte[] body) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, TestAccounts.randomIp(), 0)) {
            socket.setSoTimeout((int) RawHttp.TIMEOUT.toMillis());
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " ").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(target);
            request.writeBytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, byte[]> header : headers) {
                request.writeBytes((header.getKey() + ": ").getBytes(StandardCharsets.ISO_8859_1));
                request.writeBytes(header.getValue());
                request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            if (body != null) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.writeBytes(body);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end > 0 && new String(raw, 0, 10, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 1")) {
            // an interim answer (100 Continue): the real one follows
            return parse(java.util.Arrays.copyOfRange(raw, end + 4, raw.length));
        }
        if (end < 0) {
            throw new IllegalStateException("no HTTP response: " + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
            body = dechunk(body);
        }
        return new Reply(status, statusLine.length > 2 ? statusLine[2] : "", headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] needle, int from) {
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
