package dev.todoapp.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.todoapp.support.PackagedService;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;

/**
 * A person reloads or closes the tab right after a click: the browser has sent the whole request and
 * drops the connection before any answer. Against the packaged service, a raw socket sends a complete
 * create, toggle or PATCH and closes at once, 100 times each: every one of them is applied, and the
 * log shows no WARN, ERROR or stack trace for the clients that went away.
 */
class DisconnectedWritesIT {

    private static final Path LOG = Path.of("target/disconnected-writes-it.log");
    private static final int TIMES = 100;
    private static PackagedService service;
    private static URI base;
    private static String bearer;
    private static String userId;

    @BeforeAll
    static void startService() throws Exception {
        service = PackagedService.start(LOG, List.of(), Map.of(
                "JWT_SECRET_KEY", "disconnected-writes-test-secret-0123456789",
                "FRONTEND_URL", "https://disconnect.example",
                "SMTP_FROM_EMAIL", "disconnect@example.com",
                "LOG_JSON", "false"));
        base = service.base();
        HttpClient client = HttpClient.newHttpClient();
        String email = TestAccounts.uniqueEmail();
        String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + TestAccounts.PASSWORD + "\"}";
        assertEquals(202, post(client, "/api/auth/register", credentials).statusCode());
        // verification is not the subject here: one SQL statement instead of the emailed link
        TestAccounts.markVerified(email);
        HttpResponse<String> login = post(client, "/api/auth/login", credentials);
        assertEquals(200, login.statusCode(), login.body());
        bearer = "Bearer " + login.body().replaceAll(".*\"accessToken\":\"([^\"]+)\".*", "$1");
        userId = login.body().replaceAll(".*\"user\":\\{[^}]*\"id\":\"([^\"]+)\".*", "$1");
    }

    @AfterAll
    static void stopService() throws InterruptedException {
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void createsSentByClientsThatLeftAtOnceAreAllStored() throws Exception {
        assertAllApplied(i -> request("POST", "/api/todos", "{\"title\":\"left-create-" + i + "\"}"),
                "title like 'left-create-%'", "todos created by clients that left");
    }

    @Test
    void togglesSentByClientsThatLeftAtOnceAreAllApplied() throws Exception {
        List<String> ids = seed("toggle");
        assertAllApplied(i -> request("POST", "/api/todos/" + ids.get(i) + "/toggle", null),
                "title like 'seed-toggle-%' and completed", "toggles by clients that left");
    }

    @Test
    void patchesSentByClientsThatLeftAtOnceAreAllApplied() throws Exception {
        List<String> ids = seed("patch");
        assertAllApplied(i -> request("PATCH", "/api/todos/" + ids.get(i), "{\"title\":\"left-patch-" + i + "\"}"),
                "title like 'left-patch-%'", "PATCHes by clients that left");
    }

    /** Sends request(0..TIMES-1) from clients that leave at once; then TIMES todos match {@code applied}, quietly. */
    private static void assertAllApplied(IntFunction<byte[]> request, String applied, String what) throws Exception {
        long logStart = Files.size(LOG);
        abandon(request);
        awaitCount(() -> count(applied), what);
        assertQuietLog(logStart);
    }

    /** Opens a connection, writes the whole request, closes it without reading: TIMES times. */
    private static void abandon(IntFunction<byte[]> request) throws IOException {
        for (int i = 0; i < TIMES; i++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(request.apply(i));
                out.flush();
            }
        }
    }

    private static byte[] request(String method, String path, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head8.length + content.length];
        System.arraycopy(head8, 0, all, 0, head8.length);
        System.arraycopy(content, 0, all, head8.length, content.length);
        return all;
    }

    private static List<String> seed(String name) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TIMES; i++) {
            HttpResponse<String> created = client.send(HttpRequest.newBuilder(base.resolve("/api/todos"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"seed-" + name + "-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            ids.add(created.body().replaceAll("^\\{\"id\":\"([^\"]+)\".*", "$1"));
        }
        return ids;
    }

    private static long count(String condition) {
        return ((Number) TestDatabase.rows("select count(*) as n from todo where user_id = ?::uuid and " + condition, userId)
                .get(0).get("n")).longValue();
    }

    /** Polls: the writes run on after the connections closed (generous for a loaded machine). */
    private static void awaitCount(LongSupplier applied, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long seen = applied.getAsLong();
        while (seen < TIMES && System.nanoTime() < deadline) {
            Thread.sleep(200);
            seen = applied.getAsLong();
        }
        assertEquals(TIMES, seen, what);
    }

    /** A client that went away is at most an INFO line: no WARN or ERROR, no stack trace. */
    private static void assertQuietLog(long from) throws IOException {
        String log = Files.readString(LOG);
        String since = log.substring((int) Math.min(from, log.length()));
        for (String line : since.split("\n")) {
            if (line.contains("[de.to.ma.MailDispatcher]")) {
                continue; // the sign-up's verification mail finds no SMTP server here; mail is not the subject
            }
            assertTrue(!line.contains(" WARN ") && !line.contains(" ERROR ") && !line.startsWith("\tat ")
                    && !line.contains("Exception"), "log after disconnects:\n" + since);
        }
    }

    private static HttpResponse<String> post(HttpClient client, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
