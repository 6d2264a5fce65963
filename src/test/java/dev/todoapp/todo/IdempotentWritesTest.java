package dev.todoapp.todo;

import static dev.todoapp.todo.TodoApi.as;
import static dev.todoapp.todo.TodoApi.create;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.RawHttp;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A write sent again with the same Idempotency-Key is answered from the first time, never done twice. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class IdempotentWritesTest {

    private static final String KEY = "Idempotency-Key";

    @Test
    void aRepeatedCreateGetsTheFirstAnswerAndMakesOneTodo() {
        Account user = TestAccounts.signUp();
        String key = UUID.randomUUID().toString();
        Response first = as(user).header(KEY, key).body(Map.of("title", "Buy milk")).post("/api/todos");
        first.then().statusCode(201);
        Response again = as(user).header(KEY, key).body("{ \"title\" : \"Buy milk\" }").post("/api/todos");
        again.then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("ETag", first.header("ETag"))
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.path("id")))
                .body("createdAt", equalTo(first.path("createdAt")));
        assertEquals(List.of("Buy milk"), TodoApi.titles(user, ""));
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        Account user = TestAccounts.signUp();
        String key = UUID.randomUUID().toString();
        as(user).header(KEY, key).body(Map.of("title", "First")).post("/api/todos").then().statusCode(201);
        as(user).header(KEY, key).body(Map.of("title", "Second")).post("/api/todos").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused"));
        String id = create(user, "Other");
        as(user).header(KEY, key).post("/api/todos/" + id + "/toggle").then().statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));
        assertEquals(Set.of("First", "Other"), Set.copyOf(TodoApi.titles(user, "")));
    }

    @Test
    void keysBelongToOneUser() {
        Account one = TestAccounts.signUp();
        Account two = TestAccounts.signUp();
        String key = UUID.randomUUID().toString();
        as(one).header(KEY, key).body(Map.of("title", "Mine")).post("/api/todos").then().statusCode(201);
        as(two).header(KEY, key).body(Map.of("title", "Mine")).post("/api/todos").then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertEquals(List.of("Mine"), TodoApi.titles(two, ""));
    }

    @Test
    void aRepeatedToggleAppliesOnce() {
        Account user = TestAccounts.signUp();
        String id = create(user, "Toggle me");
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            as(user).header(KEY, key).post("/api/todos/" + id + "/toggle").then().statusCode(200)
                    .body("completed", equalTo(true)).header("ETag", "\"1\"");
        }
        as(user).get("/api/todos/" + id).then().body("completed", equalTo(true)).body("version", equalTo(1));
    }

    @Test
    void repeatedPatchMoveBulkAndDeleteApplyOnce() {
        Account user = TestAccounts.signUp();
        String a = create(user, "A");
        String b = create(user, "B");
        String patchKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(user).header(KEY, patchKey).header("If-Match", "\"0\"").body(Map.of("title", "A2"))
                    .patch("/api/todos/" + a).then().statusCode(200).header("ETag", "\"1\"");
        }
        String bulkKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(user).header(KEY, bulkKey).body(Map.of("action", "complete", "ids", List.of(a, b)))
                    .post("/api/todos/bulk").then().statusCode(200).body("affected", equalTo(2));
        }
        String deleteKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            as(user).header(KEY, deleteKey).delete("/api/todos/" + b).then().statusCode(204);
        }
        as(user).get("/api/todos/" + a).then().body("title", equalTo("A2")).body("version", equalTo(2));
        as(user).get("/api/todos/" + b).then().statusCode(404);
    }

    @Test
    void aRefusedRequestKeepsNothingSoTheKeyCanBeRetried() {
        Account user = TestAccounts.signUp();
        String key = UUID.randomUUID().toString();
        as(user).header(KEY, key).body(Map.of("title", " ")).post("/api/todos").then().statusCode(422)
                .body("code", equalTo("validation_failed"));
        as(user).header(KEY, key).body(Map.of("title", " ")).post("/api/todos").then().statusCode(422)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void anUnusableKeyIsRefused() {
        Account user = TestAccounts.signUp();
        for (String key : List.of("x".repeat(256), "has space", "tab\there", "caf\u00e9")) {
            as(user).header(KEY, key).body(Map.of("title", "Nope")).post("/api/todos").then().statusCode(422)
                    .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo(KEY));
        }
        as(user).header(KEY, "x".repeat(255)).body(Map.of("title", "Longest key")).post("/api/todos").then().statusCode(201);
        assertEquals(List.of("Longest key"), TodoApi.titles(user, ""));
    }

    /** Many copies at once: one does the work; the others wait their turn (409) or get its answer. */
    @Test
    void concurrentRequestsWithOneKeyCreateOneTodo() {
        Account user = TestAccounts.signUp();
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> RawHttp.send(RawHttp.request("/api/todos")
                        .header("Authorization", user.bearer()).header("Content-Type", "application/json").header(KEY, key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Once\"}")).build())))
                .toList();
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();
        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
        assertTrue(Set.of(201, 409).containsAll(statuses.keySet()), statuses.toString());
        assertTrue(statuses.getOrDefault(201, 0L) >= 1, statuses.toString());
        answers.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertTrue(r.body().contains("\"request_in_progress\""), r.body());
            assertEquals("1", r.headers().firstValue("Retry-After").orElse(""));
        });
        Set<String> ids = answers.stream().filter(r -> r.statusCode() == 201)
                .map(r -> io.restassured.path.json.JsonPath.from(r.body()).getString("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), ids.toString());
        assertEquals(List.of("Once"), TodoApi.titles(user, ""));
    }
}
