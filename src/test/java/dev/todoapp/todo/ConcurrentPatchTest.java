package dev.todoapp.todo;

import static dev.todoapp.todo.TodoApi.as;
import static dev.todoapp.todo.TodoApi.create;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.RawHttp;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Optimistic concurrency: many clients edit from the same version, exactly one edit wins. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ConcurrentPatchTest {

    private static final int CLIENTS = 50;

    @Test
    void fiftyPatchesWithTheSameIfMatchLeaveExactlyOneWinner() {
        Account user = TestAccounts.signUp();
        String id = create(user, "Contested");

        // all requests are in flight at once: sendAsync does not wait for the previous answer
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, CLIENTS)
                .mapToObj(i -> RawHttp.client().sendAsync(RawHttp.request("/api/todos/" + id)
                                .header("Authorization", user.bearer())
                                .header("Content-Type", "application/json")
                                .header("If-Match", "\"0\"")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"Edit " + i + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(CLIENTS - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
        responses.stream().filter(r -> r.statusCode() == 412).forEach(r -> {
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
            assertEquals(true, r.body().contains("\"version_conflict\""), r.body());
        });

        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().body();
        String winningTitle = winner.replaceAll(".*\"title\":\"(Edit \\d+)\".*", "$1");
        as(user).get("/api/todos/" + id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("title", equalTo(winningTitle));
    }
}
