package dev.todoapp.todo;

import static dev.todoapp.todo.TodoApi.as;
import static dev.todoapp.todo.TodoApi.create;
import static dev.todoapp.todo.TodoApi.invalid;
import static dev.todoapp.todo.TodoApi.titles;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The manual order: where new todos land, and moving a todo before or after another one. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TodoMoveApiTest {

    @Test
    void moveBeforeAndAfterReordersTheList() {
        Account user = TestAccounts.signUp();
        String a = create(user, "a");
        String b = create(user, "b");
        String c = create(user, "c");
        String d = create(user, "d");

        as(user).body(Map.of("beforeId", b)).post("/api/todos/" + d + "/move").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(d));
        assertEquals(List.of("a", "d", "b", "c"), titles(user, ""));

        as(user).body(Map.of("afterId", c)).post("/api/todos/" + a + "/move").then().statusCode(200);
        assertEquals(List.of("d", "b", "c", "a"), titles(user, ""));

        as(user).body(Map.of("beforeId", d)).post("/api/todos/" + c + "/move").then().statusCode(200);
        assertEquals(List.of("c", "d", "b", "a"), titles(user, ""));

        as(user).body(Map.of("afterId", a)).post("/api/todos/" + d + "/move").then().statusCode(200);
        assertEquals(List.of("c", "b", "a", "d"), titles(user, ""));
        assertEquals(List.of("d", "a", "b", "c"), titles(user, "order=desc"));
    }

    @Test
    void orderSurvivesManyMovesIntoTheSameGap() {
        Account user = TestAccounts.signUp();
        String first = create(user, "first");
        String last = create(user, "last");
        List<String> expected = new ArrayList<>(List.of("first", "last"));
        // each move halves the gap after "first": far more moves than the gap allows forces a renumbering
        for (int i = 0; i < 40; i++) {
            String id = create(user, "item " + i);
            as(user).body(Map.of("afterId", first)).post("/api/todos/" + id + "/move").then().statusCode(200);
            expected.add(1, "item " + i);
        }
        assertEquals(expected, titles(user, "size=100"));
        as(user).body(Map.of("beforeId", first)).post("/api/todos/" + last + "/move").then().statusCode(200);
        assertEquals("last", titles(user, "size=100").get(0));
    }

    @Test
    void concurrentMovesFromSeveralDevicesAllSucceed() {
        Account user = TestAccounts.signUp();
        String first = create(user, "first");
        List<String> others = IntStream.range(0, 24).mapToObj(i -> create(user, "item " + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // enough moves into one gap that renumbering happens while other moves are running
            List<CompletableFuture<Integer>> moves = others.stream()
                    .map(id -> CompletableFuture.supplyAsync(() -> as(user).body(Map.of("afterId", first))
                            .post("/api/todos/" + id + "/move").statusCode(), pool))
                    .toList();
            List<Integer> statuses = moves.stream().map(CompletableFuture::join).toList();
            assertEquals(List.of(200), statuses.stream().distinct().toList());
        } finally {
            pool.shutdown();
        }
        List<String> ids = as(user).get("/api/todos?size=100").path("items.id");
        assertEquals(first, ids.get(0));
        assertEquals(25, ids.stream().distinct().count());
        List<Number> positions = as(user).get("/api/todos?size=100").path("items.position");
        assertEquals(25, positions.stream().map(Number::longValue).distinct().count());
    }

    @Test
    void todosCreatedAtTheSameTimeEachGetTheirOwnPlace() {
        Account user = TestAccounts.signUp();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<String>> creates = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> create(user, "parallel " + i), pool))
                    .toList();
            creates.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        List<Number> positions = as(user).get("/api/todos").path("items.position");
        assertEquals(12, positions.stream().map(Number::longValue).distinct().count());
    }

    @Test
    void movesNeedExactlyOneOtherTodo() {
        Account user = TestAccounts.signUp();
        String a = create(user, "a");
        String b = create(user, "b");
        String path = "/api/todos/" + a + "/move";

        as(user).body(Map.of()).post(path).then().spec(invalid("beforeId", "afterId"));
        as(user).post(path).then().spec(invalid("beforeId", "afterId"));
        as(user).body(Map.of("beforeId", b, "afterId", b)).post(path).then().spec(invalid("beforeId", "afterId"));
        as(user).body(Map.of("beforeId", a)).post(path).then().spec(invalid("beforeId"));
        as(user).body(Map.of("beforeId", "not-a-uuid")).post(path).then().statusCode(400);
        as(user).body(Map.of("afterId", "00000000-0000-0000-0000-000000000000")).post(path).then().statusCode(404);
        assertEquals(List.of("a", "b"), titles(user, ""));
    }
}
