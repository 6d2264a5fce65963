package dev.todoapp.http;

import static net.jqwik.api.Tuple.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.WireClient;
import dev.todoapp.support.WireClient.Reply;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property-based fuzzing of every endpoint with hostile requests: random and boundary JSON, wrong types,
 * strings under and over 64 KiB, deep nesting, invalid UTF-8, odd headers, forged and expired tokens,
 * other users' ids. The properties: never a 5xx, never another user's data, every error is problem+json.
 *
 * <p>jqwik's generators run inside this {@code @QuarkusTest} (a seeded {@link JqwikSession}) rather than
 * as jqwik {@code @Property} methods: those run on jqwik's own engine, outside the Quarkus test lifecycle,
 * so they would have no application to talk to. Reproduce a run with {@code -Dfuzz.seed=<printed seed>}.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 3000);
    private static final String SEED = System.getProperty("fuzz.seed", Long.toString(System.nanoTime()));
    private static final String SECRET = "local-development-secret-do-not-use-in-production";
    private static final List<String> TODO_FIELDS =
            List.of("title", "description", "completed", "priority", "category", "tags", "dueAt");

    /** A route of the contract; {id} and {query} are filled from hostile pools. */
    record Endpoint(String method, String path, List<String> fields) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/api/auth/register", List.of("email", "password", "name")),
            new Endpoint("POST", "/api/auth/login", List.of("email", "password")),
            new Endpoint("POST", "/api/auth/refresh", List.of("refreshToken")),
            new Endpoint("POST", "/api/auth/logout", List.of("refreshToken")),
            new Endpoint("POST", "/api/auth/logout-all", List.of()),
            new Endpoint("GET", "/api/auth/me", List.of()),
            new Endpoint("PATCH", "/api/auth/me", List.of("name")),
            new Endpoint("DELETE", "/api/auth/me", List.of("password")),
            new Endpoint("POST", "/api/auth/password/change", List.of("currentPassword", "newPassword")),
            new Endpoint("POST", "/api/auth/password/forgot", List.of("email")),
            new Endpoint("POST", "/api/auth/password/reset/verify", List.of("token")),
            new Endpoint("POST", "/api/auth/password/reset", List.of("token", "newPassword")),
            new Endpoint("GET", "/api/todos?{query}", List.of()),
            new Endpoint("POST", "/api/todos", TODO_FIELDS),
            new Endpoint("GET", "/api/todos/{id}", List.of()),
            new Endpoint("PATCH", "/api/todos/{id}", TODO_FIELDS),
            new Endpoint("DELETE", "/api/todos/{id}", List.of()),
            new Endpoint("POST", "/api/todos/{id}/toggle", List.of()),
            new Endpoint("POST", "/api/todos/{id}/move", List.of("beforeId", "afterId")),
            new Endpoint("POST", "/api/todos/bulk", List.of("action", "ids")),
            new Endpoint("DELETE", "/api/todos?{query}", List.of()),
            new Endpoint("GET", "/api/todos/categories", List.of()),
            // wrong method and unknown routes: 405/404 must be problem+json too
            new Endpoint("PUT", "/api/todos/{id}", TODO_FIELDS),
            new Endpoint("GET", "/api/{id}", List.of()));

    /** One generated request; OWN_TOKEN in a header value is replaced by the attacker's token when sent. */
    record Call(String method, byte[] target, List<Map.Entry<String, byte[]>> headers, byte[] body) {
        String describe() {
            return method + " " + new String(target, StandardCharsets.UTF_8) + " body "
                    + (body == null ? "none" : body.length + " bytes");
        }
    }

    private static final String OWN_TOKEN = "\u0001own\u0001";
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private Account attacker;
    /** logout-all ends every session of its user: it gets this account's token instead of the attacker's */
    private Account bystander;
    private Account victim;
    private List<String> victimTodoIds;
    private List<String> victimMarkers;

    @Test
    void noHostileRequestGetsA5xxAnotherUsersDataOrANonProblemError() throws Exception {
        victim = TestAccounts.signUp();
        String marker = "victim-secret-" + UUID.randomUUID();
        victimTodoIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            victimTodoIds.add(RestAssured.given().header("Authorization", victim.bearer()).contentType("application/json")
                    .body(Map.of("title", marker + " " + i, "category", marker.substring(0, 40), "tags", List.of("victim-tag")))
                    .post("/api/todos").then().statusCode(201).extract().path("id"));
        }
        victimMarkers = List.of(marker, victim.email(), victim.id());
        attacker = TestAccounts.signUp();
        bystander = TestAccounts.signUp();
        Account attackerSpareSession = TestAccounts.logIn(attacker.email(), attacker.password());
        List<String> ownTodoIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ownTodoIds.add(RestAssured.given().header("Authorization", attacker.bearer()).contentType("application/json")
                    .body(Map.of("title", "mine " + i)).post("/api/todos").then().statusCode(201).extract().path("id"));
        }

        List<Call> calls = new ArrayList<>();
        JqwikSession.run(SEED, () -> calls.addAll(new Generators(ownTodoIds, attackerSpareSession.refreshToken())
                .call().sampleStream().limit(REQUESTS).toList()));

        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        AtomicInteger tried = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    for (int i = worker; i < calls.size(); i += 4) {
                        Call call = calls.get(i);
                        Reply reply = send(call);
                        tried.incrementAndGet();
                        synchronized (statuses) {
                            statuses.computeIfAbsent(reply.status(), s -> new AtomicInteger()).incrementAndGet();
                        }
                        String problem = check(call, reply);
                        if (problem != null) {
                            failures.add(problem + " <- " + call.describe());
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }

        System.out.printf("hostile-input: %d requests tried (seed %s), statuses %s, %d failures%n",
                tried.get(), SEED, statuses, failures.size());
        failures.stream().limit(20).forEach(f -> System.out.println("hostile-input failure: " + f));
        assertEquals(REQUESTS, tried.get());
        assertTrue(failures.isEmpty(), failures.size() + " failures (seed " + SEED + "), first: "
                + failures.stream().limit(5).toList());
        victimIsUntouched(marker);
    }

    /** The attacker held the victim's ids and forged the victim's tokens: nothing of the victim changed. */
    private void victimIsUntouched(String marker) {
        RestAssured.given().header("Authorization", victim.bearer()).get("/api/auth/me").then().statusCode(200);
        List<Map<String, Object>> items = RestAssured.given().header("Authorization", victim.bearer())
                .get("/api/todos?sort=title").then().statusCode(200).extract().path("items");
        assertEquals(3, items.size(), items.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(marker + " " + i, items.get(i).get("title"));
            assertEquals(0, items.get(i).get("version"), "victim's todo was changed: " + items.get(i));
        }
    }

    private Reply send(Call call) {
        Account self = new String(call.target(), StandardCharsets.ISO_8859_1).startsWith("/api/auth/logout-all")
                ? bystander : attacker;
        List<Map.Entry<String, byte[]>> headers = call.headers().stream()
                .map(h -> Map.entry(h.getKey(), replaceOwnToken(h.getValue(), self)))
                .toList();
        return WireClient.exchange(RestAssured.port, call.method(), call.target(), headers, call.body());
    }

    private static byte[] replaceOwnToken(byte[] value, Account self) {
        String text = new String(value, StandardCharsets.ISO_8859_1);
        return text.contains(OWN_TOKEN)
                ? text.replace(OWN_TOKEN, self.accessToken()).getBytes(StandardCharsets.ISO_8859_1)
                : value;
    }

    /** The properties; null when the reply satisfies all of them. */
    private String check(Call call, Reply reply) {
        String text = reply.text();
        if (reply.status() >= 500) {
            return "status " + reply.status() + " " + text;
        }
        for (String secret : victimMarkers) {
            if (text.contains(secret)) {
                return "another user's data in a " + reply.status() + " reply: " + text;
            }
        }
        if (isFrameworkRejection(call, reply)) {
            return null;
        }
        if (reply.status() >= 400) {
            if (!reply.header("content-type").startsWith("application/problem+json")) {
                return "status " + reply.status() + " as " + reply.header("content-type") + ": " + text;
            }
            try {
                JsonNode problem = PLAIN.readTree(reply.body());
                if (problem.path("status").asInt() != reply.status() || problem.path("code").asText().isEmpty()) {
                    return "problem without matching status and code: " + text;
                }
            } catch (java.io.IOException e) {
                return "unreadable problem body: " + text;
            }
        }
        return null;
    }

    /**
     * Refusals made before any application code runs, so they carry no problem body: the HTTP codec's limits
     * (request line over 4 KiB: 414, headers over 8 KiB: 431), a request target that is not an RFC 3986 URI
     * (Quarkus: 400) and an origin CORS does not allow (Quarkus: 403 "CORS Rejected"). Accepted exactly so.
     */
    private static boolean isFrameworkRejection(Call call, Reply reply) {
        boolean bare = reply.body().length == 0 && reply.header("content-type").isEmpty();
        return bare && (reply.status() == 400 && !isUri(call.target())
                || reply.status() == 414 && call.target().length > 4000
                || reply.status() == 431
                || reply.status() == 403 && reply.statusMessage().startsWith("CORS Rejected"));
    }

    private static boolean isUri(byte[] target) {
        for (byte b : target) {
            if (b < 0x21 || b == 0x7F) {
                return false; // the request line is ASCII; raw UTF-8 or invalid bytes are never a URI
            }
        }
        try {
            new java.net.URI(new String(target, StandardCharsets.UTF_8));
            return true;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The arbitraries; built inside the jqwik session. */
    private final class Generators {

        private final List<String> ownTodoIds;
        private final String spareRefreshToken;

        Generators(List<String> ownTodoIds, String spareRefreshToken) {
            this.ownTodoIds = ownTodoIds;
            this.spareRefreshToken = spareRefreshToken;
        }

        Arbitrary<Call> call() {
            return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> Combinators.combine(
                            target(endpoint), headers(endpoint), body(endpoint))
                    .as((target, headers, body) -> new Call(endpoint.method(), target, headers, body)));
        }

        private Arbitrary<byte[]> target(Endpoint endpoint) {
            return Combinators.combine(idSegment(), query()).as((id, query) -> {
                String path = endpoint.path();
                int at = path.indexOf("{id}");
                byte[] prefix = (at < 0 ? path.replace("{query}", "") : path.substring(0, at)).getBytes(StandardCharsets.UTF_8);
                byte[] middle = at < 0 ? (path.contains("{query}") ? query : new byte[0]) : id;
                byte[] suffix = at < 0 ? new byte[0] : path.substring(at + 4).getBytes(StandardCharsets.UTF_8);
                return concat(prefix, middle, suffix);
            });
        }

        /** Own and foreign ids, malformed ids, traversal, percent-encoded junk and raw invalid UTF-8. */
        private Arbitrary<byte[]> idSegment() {
            return Arbitraries.frequencyOf(
                    of(4, Arbitraries.of(ownTodoIds).map(HostileInputTest::utf8)),
                    of(4, Arbitraries.of(victimTodoIds).map(HostileInputTest::utf8)),
                    of(2, Arbitraries.create(UUID::randomUUID).map(u -> utf8(u.toString()))),
                    of(3, Arbitraries.of("not-a-uuid", "", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fq%2Fhealth",
                            "%00", "%ZZ", "%", "null", "undefined", "-1", "9".repeat(40), "x".repeat(3000),
                            victimTodoIds.get(0).toUpperCase(), victimTodoIds.get(0) + "%20", "%F0%9F%92%A5",
                            "categories/extra", ";jsessionid=1", "%2e%2e").map(HostileInputTest::utf8)),
                    of(1, invalidUtf8()));
        }

        private Arbitrary<byte[]> query() {
            Arbitrary<String> key = Arbitraries.of("status", "priority", "category", "tag", "q", "dueBefore", "dueAfter",
                    "sort", "order", "page", "size", "unknown", "", "status[]");
            Arbitrary<String> pair = Combinators.combine(key, shortString()).as((k, v) -> k + "=" + encode(v));
            return Arbitraries.frequencyOf(
                    of(6, pair.list().ofMaxSize(6).map(pairs -> utf8(String.join("&", pairs)))),
                    of(1, Arbitraries.of("status=completed", "status=completed&status=all", "size=0", "size=101",
                            "size=-1", "page=2147483648", "page=-1", "sort=title;drop", "q=%25%5F%5C", "q=%00",
                            "dueBefore=2026-13-45T99:00:00Z", "priority=none&priority=critical", "&&&", "=", "size=1e2")
                            .map(HostileInputTest::utf8)),
                    of(1, invalidUtf8().map(bad -> concat(utf8("q="), bad))));
        }

        private Arbitrary<List<Map.Entry<String, byte[]>>> headers(Endpoint endpoint) {
            Arbitrary<Map.Entry<String, byte[]>> authorization = authorization().map(v -> Map.entry("Authorization", v));
            Arbitrary<Map.Entry<String, byte[]>> contentType = Arbitraries.frequencyOf(
                    of(12, Arbitraries.just("application/json")),
                    of(1, Arbitraries.of("application/json; charset=ISO-8859-1", "text/plain", "application/xml",
                            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "*/*",
                            "application/json; charset=\"", "application/problem+json", "APPLICATION/JSON",
                            "application/json;;;", "application/json, text/plain")))
                    .map(v -> Map.entry("Content-Type", utf8(v)));
            Arbitrary<Map.Entry<String, byte[]>> odd = Arbitraries.of(
                    Map.entry("Accept", utf8("application/xml")), Map.entry("Accept", utf8("text/html")),
                    Map.entry("Accept", utf8("application/problem+json")), Map.entry("Accept", utf8("garbage/")),
                    Map.entry("If-Match", utf8("\"0\"")), Map.entry("If-Match", utf8("*")),
                    Map.entry("If-Match", utf8("W/\"0\"")), Map.entry("If-Match", utf8("\"-1\"")),
                    Map.entry("If-Match", utf8("\"99999999999999999999999\"")), Map.entry("If-Match", utf8("\"")),
                    Map.entry("If-Match", utf8("")), Map.entry("If-Match", utf8("\"abc\", *, ,")),
                    Map.entry("X-Request-Id", utf8("x".repeat(2000))), Map.entry("X-Request-Id", utf8("../../etc/passwd")),
                    Map.entry("X-Request-Id", utf8("<script>alert(1)</script>")),
                    Map.entry("X-Request-Id", new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}),
                    Map.entry("X-Forwarded-For", utf8("garbage")), Map.entry("X-Forwarded-For", utf8("")),
                    Map.entry("X-Forwarded-For", utf8("1.2.3.4, 5.6.7.8, ::1")),
                    Map.entry("X-Forwarded-For", utf8("999.999.999.999")), Map.entry("Forwarded", utf8("for=\"[::1]:80\";by=x")),
                    Map.entry("Origin", utf8("https://evil.example")), Map.entry("Origin", utf8("null")),
                    Map.entry("Content-Encoding", utf8("gzip")), Map.entry("Transfer-Encoding", utf8("identity")),
                    Map.entry("Expect", utf8("100-continue")), Map.entry("X-HTTP-Method-Override", utf8("DELETE")),
                    Map.entry("Cookie", utf8("session=" + "c".repeat(1000))), Map.entry("X-Junk-" + "h".repeat(50), utf8("1")));
            // each request comes from its own loopback address (WireClient), so rate limits rarely cut the fuzzing short
            return Combinators.combine(authorization.injectNull(0.1), contentType.injectNull(0.05),
                    Arbitraries.frequencyOf(of(3, Arbitraries.just(List.<Map.Entry<String, byte[]>>of())),
                            of(2, odd.list().ofMinSize(1).ofMaxSize(3)))).as((auth, type, others) -> {
                        List<Map.Entry<String, byte[]>> all = new ArrayList<>();
                        if (auth != null) {
                            all.add(auth);
                        }
                        if (type != null && !endpoint.fields().isEmpty()) {
                            all.add(type);
                        }
                        all.addAll(others);
                        return all;
                    });
        }

        /** Mostly the attacker's own valid token; otherwise forged, expired, foreign or malformed ones. */
        private Arbitrary<byte[]> authorization() {
            Instant now = Instant.now();
            List<String> forged = List.of(
                    "Bearer " + algNone(victim),
                    "Bearer " + sign(claims(victim).issuedAt(now).expiresAt(now.plusSeconds(600)), "a-wrong-secret-that-is-long-enough-0123"),
                    "Bearer " + sign(claims(attacker).issuedAt(now.minusSeconds(7200)).expiresAt(now.minusSeconds(3600)), SECRET),
                    "Bearer " + sign(claims(attacker).issuedAt(now).claim("nbf", now.plusSeconds(3600).getEpochSecond())
                            .expiresAt(now.plusSeconds(7200)), SECRET),
                    "Bearer " + sign(claims(attacker).issuer("someone-else").issuedAt(now).expiresAt(now.plusSeconds(600)), SECRET),
                    // correctly signed, the victim as subject, the attacker's session id
                    "Bearer " + sign(claims(attacker).subject(victim.id()).issuedAt(now).expiresAt(now.plusSeconds(600)), SECRET),
                    "Bearer " + sign(Jwt.issuer("todo-service").subject(victim.id()).issuedAt(now).expiresAt(now.plusSeconds(600)), SECRET),
                    "Bearer garbage", "Bearer a.b.c", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer " + OWN_TOKEN,
                    "Bearer  " + OWN_TOKEN, "Bearer " + OWN_TOKEN + "x", "Bearer " + "e".repeat(6000),
                    "Bearer " + OWN_TOKEN + ", Bearer " + OWN_TOKEN, OWN_TOKEN);
            return Arbitraries.frequencyOf(
                    of(10, Arbitraries.just(utf8("Bearer " + OWN_TOKEN))),
                    of(3, Arbitraries.of(forged).map(HostileInputTest::utf8)),
                    of(1, invalidUtf8().map(bad -> concat(utf8("Bearer "), bad))));
        }

        private Arbitrary<byte[]> body(Endpoint endpoint) {
            List<String> fields = new ArrayList<>(endpoint.fields());
            Arbitrary<byte[]> shaped = fields.isEmpty() ? anyJson() : shapedObject(fields);
            return Arbitraries.frequencyOf(
                    of(10, shaped),
                    of(fields.contains("title") ? 4 : 0, validTodo()),
                    of(2, anyJson()),
                    of(1, deepNesting()),
                    of(1, huge(fields.isEmpty() ? "title" : fields.get(0))),
                    of(1, invalidUtf8().map(bad -> concat(utf8("{\"" + (fields.isEmpty() ? "x" : fields.get(0)) + "\":\""), bad, utf8("\"}")))),
                    of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)),
                    of(1, shaped.map(json -> java.util.Arrays.copyOf(json, Math.max(0, json.length / 2)))),
                    of(1, Arbitraries.of(new byte[0], utf8("null"), utf8("{}"), utf8("[]"), utf8("\"\""), utf8("{\"a\":1,\"a\":2}"),
                            utf8("{\"title\":\"x\",\"title\":null}"), utf8("{\"title\":1e999}"), utf8("{\"title\":NaN}"),
                            utf8("\uFEFF{\"title\":\"bom\"}"), utf8("{\"title\":\"x\"} trailing"), utf8("{'title':'single'}"))))
                    .injectNull(fields.isEmpty() ? 0.7 : 0.05);
        }

        /** A todo within every rule but with hostile text (NUL, lone surrogates, RTL, emoji): it reaches the database. */
        private Arbitrary<byte[]> validTodo() {
            // mostly storable text (so many are created and read back), sometimes what the rules must refuse
            Arbitrary<String> text = Arbitraries.frequencyOf(
                    of(3, Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars("😀\u202E\u00A0").ofMinLength(1).ofMaxLength(60)),
                    of(1, string())).filter(t -> !t.isBlank());
            return Combinators.combine(text.filter(t -> t.strip().length() <= 255), text.filter(t -> t.length() <= 5000),
                    text.filter(t -> t.length() <= 30).list().uniqueElements().ofMaxSize(20),
                    text.filter(t -> t.length() <= 50).injectNull(0.3))
                    .as((title, description, tags, category) -> {
                        Map<String, Object> todo = new LinkedHashMap<>();
                        todo.put("title", title);
                        todo.put("description", description);
                        todo.put("tags", tags);
                        todo.put("category", category);
                        return json(todo);
                    });
        }

        /** An object with a random subset of the endpoint's fields (and sometimes unknown ones), hostile values. */
        private Arbitrary<byte[]> shapedObject(List<String> fields) {
            Arbitrary<String> name = Arbitraries.frequencyOf(of(8, Arbitraries.of(fields)),
                    of(1, Arbitraries.of("id", "userId", "version", "createdAt", "__proto__", "constructor", "", "TITLE")));
            // mostly strings, so that many bodies get past the type checks to the rules and the database
            Arbitrary<Object> fieldValue = Arbitraries.frequencyOf(of(4, string()), of(1, tags()), of(3, value(2)));
            return Combinators.combine(name, fieldValue).as(HostileInputTest::field).list().ofMaxSize(fields.size() + 2)
                    .map(entries -> {
                        Map<String, Object> object = new LinkedHashMap<>();
                        entries.forEach(e -> object.put(e.getKey(), e.getValue()));
                        return json(object);
                    });
        }

        private Arbitrary<byte[]> anyJson() {
            return value(3).map(HostileInputTest::json);
        }

        private Arbitrary<Object> value(int depth) {
            List<net.jqwik.api.Tuple.Tuple2<Integer, Arbitrary<?>>> choices = new ArrayList<>(List.of(
                    of(6, string()),
                    of(2, Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.longs(),
                            Arbitraries.of(0, -1, 1, 255, 256, 5000, 5001, Integer.MAX_VALUE, Long.MIN_VALUE),
                            Arbitraries.of(0.5, -0.0, 1e308, Double.MIN_VALUE),
                            Arbitraries.just(new java.math.BigInteger("9".repeat(400))))),
                    of(1, Arbitraries.of(true, false)),
                    of(2, Arbitraries.of(ownTodoIds)),
                    of(2, Arbitraries.of(victimTodoIds)),
                    of(1, Arbitraries.of(spareRefreshToken, "none", "low", "medium", "high", "critical", "complete",
                            "uncomplete", "delete", "NONE", "2026-11-26T10:00:00Z", "2026-11-26", "9999-12-31T23:59:59Z",
                            "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "2026-02-30T25:61:00+25:00",
                            "1970-01-01T00:00:00Z", "user@example.com", TestAccounts.PASSWORD.toUpperCase()))));
            if (depth > 0) {
                choices.add(of(1, value(depth - 1).injectNull(0.1).list().ofMaxSize(25)));
                choices.add(of(1, Combinators.combine(string(), value(depth - 1).injectNull(0.1)).as(HostileInputTest::field)
                        .list().ofMaxSize(5).map(entries -> {
                            Map<String, Object> object = new LinkedHashMap<>();
                            entries.forEach(e -> object.put(e.getKey(), e.getValue()));
                            return object;
                        })));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            Arbitrary<Object> value = Arbitraries.frequencyOf((List) choices);
            return value.injectNull(0.1);
        }

        /** Any unicode (lone surrogates, NUL, controls, RTL, emoji) and every length boundary of the contract. */
        private Arbitrary<String> string() {
            return Arbitraries.frequencyOf(
                    of(4, Arbitraries.strings().all().ofMaxLength(40)),
                    of(2, Arbitraries.strings().alpha().numeric().withChars("@.+- _").ofMaxLength(300)),
                    of(2, Arbitraries.of(0, 1, 7, 8, 29, 30, 31, 49, 50, 51, 100, 101, 128, 129, 254, 255, 256, 5000, 5001)
                            .map(n -> "x".repeat(n))),
                    of(2, Arbitraries.of("", " ", "   \t\n ", "\u0000", "a\u0000b", "\u202Eevil", "😀".repeat(64),
                            "e\u0301".repeat(200), "\uD800", "\uDFFF\uD800", "' OR 1=1 --", "%s%n%x", "${jndi:ldap://x/a}",
                            "{{7*7}}", "<img src=x onerror=alert(1)>", "\\", "\"", "null", "true", "0", "@", "a@b",
                            "x@" + "y".repeat(250) + ".io", "UPPER@EXAMPLE.COM ", "\u00A0spaces\u2003")));
        }

        private Arbitrary<Object> tags() {
            return string().list().ofMaxSize(25).map(list -> list);
        }

        private Arbitrary<String> shortString() {
            return Arbitraries.frequencyOf(of(3, Arbitraries.strings().all().ofMaxLength(20)),
                    of(1, Arbitraries.of("", "all", "completed", "active", "none", "high", "position", "title", "desc",
                            "asc", "0", "1", "100", "-1", "2026-11-26T10:00:00Z", "x".repeat(2000))));
        }

        private Arbitrary<byte[]> deepNesting() {
            return Combinators.combine(Arbitraries.of(64, 500, 1000, 1001, 5000, 50000), Arbitraries.of(true, false))
                    .as((depth, arrays) -> arrays
                            ? utf8("[".repeat(depth) + "]".repeat(depth))
                            : utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
        }

        /** Just under and over the 64 KiB body limit, and far over it. */
        private Arbitrary<byte[]> huge(String field) {
            return Arbitraries.of(60_000, 65_536 - 20, 65_536, 70_000, 1_000_000)
                    .map(size -> utf8("{\"" + field + "\":\"" + "x".repeat(size) + "\"}"));
        }
    }

    /** Byte sequences that are not UTF-8: lone continuation bytes, overlong forms, surrogates, beyond U+10FFFF. */
    private static Arbitrary<byte[]> invalidUtf8() {
        return Arbitraries.of(
                new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xA0, (byte) 0xA1}, new byte[] {(byte) 0xE2, 0x28, (byte) 0xA1},
                new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                new byte[] {'a', (byte) 0xC3});
    }

    private static JwtClaimsBuilder claims(Account account) {
        String payload = new String(Base64.getUrlDecoder().decode(account.accessToken().split("\\.")[1]), StandardCharsets.UTF_8);
        String sid = payload.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        return Jwt.issuer("todo-service").subject(account.id()).claim("sid", sid).claim("jti", UUID.randomUUID().toString());
    }

    private static String sign(JwtClaimsBuilder claims, String secret) {
        return claims.jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    private static String algNone(Account account) {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(
                "{\"iss\":\"todo-service\",\"sub\":\"" + account.id() + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}"));
        return header + "." + payload + ".";
    }

    private static byte[] json(Object value) {
        try {
            return PLAIN.writeValueAsBytes(value);
        } catch (java.io.IOException | IllegalArgumentException lonesurrogate) {
            try {
                return ESCAPING.writeValueAsBytes(value);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A JSON member; Map.entry refuses the null values this test sends on purpose. */
    private static Map.Entry<String, Object> field(String name, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(name, value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
