package dev.todoapp.todo;

import static dev.todoapp.todo.TodoApi.as;
import static dev.todoapp.todo.TodoApi.create;
import static dev.todoapp.todo.TodoApi.invalid;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** One todo at a time: create, read, change, toggle, delete, and who may do it. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TodoApiTest {

    private static final String ISO_UTC = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

    @Test
    void createAnswers201WithLocationETagAndDefaults() {
        Account user = TestAccounts.signUp();
        Response created = as(user).body(Map.of("title", "  Buy milk  ")).post("/api/todos");
        created.then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("title", equalTo("Buy milk"))
                .body("description", nullValue())
                .body("completed", equalTo(false))
                .body("completedAt", nullValue())
                .body("priority", equalTo("none"))
                .body("category", nullValue())
                .body("tags", empty())
                .body("dueAt", nullValue())
                .body("position", notNullValue())
                .body("createdAt", matchesPattern(ISO_UTC))
                .body("updatedAt", matchesPattern(ISO_UTC))
                .body("version", equalTo(0));
        String id = created.path("id");
        assertEquals("/api/todos/" + id, created.header("Location"));

        as(user).get(created.header("Location")).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("title", equalTo("Buy milk"))
                .body("createdAt", equalTo(created.path("createdAt")));
    }

    @Test
    void createKeepsEveryField() {
        Account user = TestAccounts.signUp();
        as(user).body("""
                        {"title": "Pay rent", "description": "Line one\\nline two", "priority": "high",
                         "category": " Home ", "tags": [" bills ", "monthly", "bills"],
                         "dueAt": "2026-11-26T12:00:00+02:00", "completed": true}""")
                .post("/api/todos")
                .then().statusCode(201)
                .body("description", equalTo("Line one\nline two"))
                .body("priority", equalTo("high"))
                .body("category", equalTo("Home"))
                // trimmed and de-duplicated, first occurrence first
                .body("tags", contains("bills", "monthly"))
                .body("dueAt", equalTo("2026-11-26T10:00:00Z"))
                .body("completed", equalTo(true))
                .body("completedAt", matchesPattern(ISO_UTC));
    }

    @Test
    void emojiAndOtherScriptsCountAsOneCharacterEach() {
        Account user = TestAccounts.signUp();
        String longest = "🚀".repeat(255);
        String id = create(user, Map.of("title", longest, "tags", List.of("✅".repeat(30)), "category", "日本語".repeat(16)));
        as(user).get("/api/todos/" + id).then().statusCode(200)
                .body("title", equalTo(longest))
                .body("tags[0]", equalTo("✅".repeat(30)));
        as(user).body(Map.of("title", "🚀".repeat(256))).post("/api/todos")
                .then().spec(invalid("title"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}                                               | title",
            "{\"title\": \"   \"}                             | title",
            "{\"title\": null}                                | title",
            "{\"title\": \"a\\u0000b\"}                       | title",
            "{\"title\": \"two\\nlines\"}                     | title",
            "{\"title\": \"t\", \"description\": \"a\\u0000\"} | description",
            "{\"title\": \"t\", \"priority\": \"urgent\"}     | priority",
            "{\"title\": \"t\", \"priority\": \"HIGH\"}       | priority",
            "{\"title\": \"t\", \"priority\": null}           | priority",
            "{\"title\": \"t\", \"completed\": null}          | completed",
            "{\"title\": \"t\", \"tags\": null}               | tags",
            "{\"title\": \"t\", \"tags\": [\"ok\", \" \"]}    | tags",
            "{\"title\": \"t\", \"dueAt\": \"tomorrow\"}      | dueAt",
            "{\"title\": \"t\", \"dueAt\": \"2026-11-26T10:00:00\"} | dueAt",
            "{\"title\": \"t\", \"dueAt\": \"+20000-01-01T00:00:00Z\"} | dueAt",
            "{\"title\": \"t\", \"version\": 3}               | version",
    })
    void createRefusesBrokenRulesWith422NamingTheField(String body, String field) {
        Account user = TestAccounts.signUp();
        as(user).body(body).post("/api/todos")
                .then().spec(invalid(field));
        as(user).get("/api/todos").then().body("totalItems", equalTo(0));
    }

    @Test
    void lengthLimitsAreEnforcedAtTheBoundary() {
        Account user = TestAccounts.signUp();
        create(user, Map.of("title", "x".repeat(255), "description", "d".repeat(5000), "category", "c".repeat(50),
                "tags", IntStream.range(0, 20).mapToObj(i -> "t".repeat(29) + (char) ('a' + i)).toList()));
        as(user).body(Map.of("title", "x".repeat(256), "description", "d".repeat(5001), "category", "c".repeat(51),
                        "tags", IntStream.range(0, 21).mapToObj(i -> "tag" + i).toList()))
                .post("/api/todos")
                .then().spec(invalid("title", "description", "category", "tags"));
        as(user).body(Map.of("title", "t", "tags", List.of("t".repeat(31))))
                .post("/api/todos").then().spec(invalid("tags"));
    }

    @Test
    void twentyTagsCountAfterDuplicatesAreDropped() {
        Account user = TestAccounts.signUp();
        List<String> tags = new ArrayList<>(IntStream.range(0, 20).mapToObj(i -> "tag" + i).toList());
        tags.addAll(List.of("tag0", " tag1 "));
        as(user).body(Map.of("title", "t", "tags", tags)).post("/api/todos")
                .then().statusCode(201).body("tags.size()", equalTo(20));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\": ",
            "[{\"title\": \"t\"}]",
            "\"just a string\"",
            "{\"title\": 5}",
            "{\"title\": \"t\", \"completed\": \"yes\"}",
            "{\"title\": \"t\", \"priority\": 2}",
            "{\"title\": \"t\", \"tags\": \"one\"}",
            "{\"title\": \"t\", \"tags\": [1]}",
            "{\"title\": \"t\", \"titel\": \"typo\"}",
    })
    void malformedBodiesAnswer400(String body) {
        Account user = TestAccounts.signUp();
        as(user).body(body).post("/api/todos")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed_request"));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        Account user = TestAccounts.signUp();
        as(user).body("{\"title\": \"\", \"priority\": \"soon\", \"dueAt\": \"never\"}").post("/api/todos")
                .then().spec(invalid("title", "priority", "dueAt"))
                .body("errors.message", hasItem("must be one of none, low, medium, high"));
    }

    @Test
    void unknownOrInvalidIdsAre404() {
        Account user = TestAccounts.signUp();
        as(user).get("/api/todos/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not_found"));
        as(user).get("/api/todos/not-a-uuid").then().statusCode(404);
    }

    @Test
    void todosRequireSignIn() {
        given().get("/api/todos").then().statusCode(401).header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(Map.of("title", "t")).post("/api/todos").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/api/todos").then().statusCode(401);
    }

    @Test
    void patchChangesOnlyTheNamedFieldsAndNullClears() {
        Account user = TestAccounts.signUp();
        String id = create(user, Map.of("title", "Draft", "description", "notes", "category", "Work",
                "tags", List.of("a"), "dueAt", "2026-01-01T00:00:00Z", "priority", "low"));
        Response before = as(user).get("/api/todos/" + id);

        as(user).body("{\"title\": \"Final\", \"description\": null, \"dueAt\": null}").patch("/api/todos/" + id)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("Final"))
                .body("description", nullValue())
                .body("dueAt", nullValue())
                .body("category", equalTo("Work"))
                .body("tags", contains("a"))
                .body("priority", equalTo("low"))
                .body("version", equalTo(1))
                .body("createdAt", equalTo(before.path("createdAt")));
        String updatedAt = as(user).get("/api/todos/" + id).path("updatedAt");
        assertTrue(Instant.parse(updatedAt).isAfter(Instant.parse(before.path("updatedAt"))));

        as(user).body("{\"category\": null, \"tags\": [], \"priority\": \"medium\"}").patch("/api/todos/" + id)
                .then().statusCode(200)
                .body("category", nullValue())
                .body("tags", empty())
                .body("priority", equalTo("medium"))
                .body("title", equalTo("Final"));
    }

    @Test
    void patchAppliesTheSameRulesAsCreate() {
        Account user = TestAccounts.signUp();
        String id = create(user, "Keep me");
        as(user).body("{\"title\": null}").patch("/api/todos/" + id)
                .then().spec(invalid("title"));
        as(user).body("{\"title\": \"" + "x".repeat(256) + "\"}").patch("/api/todos/" + id)
                .then().spec(invalid("title"));
        as(user).body("{\"priority\": \"critical\"}").patch("/api/todos/" + id)
                .then().spec(invalid("priority"));
        as(user).body("{\"completed\": 1}").patch("/api/todos/" + id).then().statusCode(400);
        as(user).body("{\"title\": ").patch("/api/todos/" + id).then().statusCode(400);
        as(user).get("/api/todos/" + id).then().body("title", equalTo("Keep me")).body("version", equalTo(0));
    }

    @Test
    void patchWithIfMatchRefusesAStaleVersion() {
        Account user = TestAccounts.signUp();
        String id = create(user, "Original");
        as(user).header("If-Match", "\"0\"").body(Map.of("title", "First edit")).patch("/api/todos/" + id)
                .then().statusCode(200).header("ETag", "\"1\"");

        as(user).header("If-Match", "\"0\"").body(Map.of("title", "Lost update")).patch("/api/todos/" + id)
                .then().statusCode(412)
                .contentType("application/problem+json")
                .body("code", equalTo("version_conflict"));
        as(user).header("If-Match", "W/\"1\"").body(Map.of("title", "Weak tag")).patch("/api/todos/" + id)
                .then().statusCode(412);
        as(user).get("/api/todos/" + id).then().body("title", equalTo("First edit"));

        as(user).header("If-Match", "\"7\", \"1\"").body(Map.of("title", "Second edit")).patch("/api/todos/" + id)
                .then().statusCode(200).header("ETag", "\"2\"");
        as(user).header("If-Match", "*").body(Map.of("title", "Any version")).patch("/api/todos/" + id)
                .then().statusCode(200).header("ETag", "\"3\"");
    }

    @Test
    void concurrentEditsNeverFailWithAServerError() throws Exception {
        Account user = TestAccounts.signUp();
        String id = create(user, "Contested");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<CompletableFuture<Integer>> edits = IntStream.range(0, 12)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> as(user).body(Map.of("title", "Edit " + i))
                            .patch("/api/todos/" + id).statusCode(), pool))
                    .toList();
            List<Integer> statuses = edits.stream().map(CompletableFuture::join).toList();
            assertTrue(statuses.stream().allMatch(status -> status == 200 || status == 412), statuses.toString());
            long applied = statuses.stream().filter(status -> status == 200).count();
            as(user).get("/api/todos/" + id).then().body("version", equalTo((int) applied));
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void completingSetsCompletedAtAndReopeningClearsIt() {
        Account user = TestAccounts.signUp();
        String id = create(user, "Walk the dog");
        as(user).post("/api/todos/" + id + "/toggle").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("completed", equalTo(true))
                .body("completedAt", matchesPattern(ISO_UTC));
        as(user).post("/api/todos/" + id + "/toggle").then().statusCode(200)
                .body("completed", equalTo(false))
                .body("completedAt", nullValue())
                .body("version", equalTo(2));
        as(user).body("{\"completed\": true}").patch("/api/todos/" + id).then().statusCode(200)
                .body("completedAt", matchesPattern(ISO_UTC));
        as(user).body("{\"completed\": false}").patch("/api/todos/" + id).then().statusCode(200)
                .body("completedAt", nullValue());
    }

    @Test
    void deleteRemovesTheTodo() {
        Account user = TestAccounts.signUp();
        String id = create(user, "Temporary");
        as(user).delete("/api/todos/" + id).then().statusCode(204);
        as(user).get("/api/todos/" + id).then().statusCode(404);
        as(user).delete("/api/todos/" + id).then().statusCode(404);
    }

    @Test
    void anotherUsersTodoIsNotFoundOnEveryRoute() {
        Account owner = TestAccounts.signUp();
        Account intruder = TestAccounts.signUp();
        String id = create(owner, Map.of("title", "Private", "category", "Secret"));
        String own = create(intruder, "Intruder's own");
        String path = "/api/todos/" + id;

        as(intruder).get(path).then().statusCode(404).body("code", equalTo("not_found"));
        as(intruder).body(Map.of("title", "Hijacked")).patch(path).then().statusCode(404);
        as(intruder).post(path + "/toggle").then().statusCode(404);
        as(intruder).body(Map.of("afterId", own)).post(path + "/move").then().statusCode(404);
        as(intruder).body(Map.of("beforeId", id)).post("/api/todos/" + own + "/move").then().statusCode(404);
        as(intruder).delete(path).then().statusCode(404);
        for (String action : List.of("complete", "delete")) {
            as(intruder).body(Map.of("action", action, "ids", List.of(id))).post("/api/todos/bulk")
                    .then().statusCode(200).body("affected", equalTo(0));
        }
        as(intruder).get("/api/todos").then().body("items.id", contains(own));
        as(intruder).get("/api/todos/categories").then().body("$", empty());

        as(owner).get(path).then().statusCode(200)
                .body("title", equalTo("Private"))
                .body("completed", equalTo(false))
                .body("version", equalTo(0));
    }

    @Test
    void openApiDescribesTheWritableFields() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/todos'.post.requestBody.content.'application/json'.schema.allOf[0].$ref",
                        equalTo("#/components/schemas/TodoFields"))
                .body("paths.'/api/todos'.post.requestBody.content.'application/json'.schema.required", contains("title"))
                .body("paths.'/api/todos/{id}'.patch.requestBody.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/TodoFields"))
                .body("components.schemas.TodoFields.properties.title.maxLength", equalTo(255))
                .body("components.schemas.TodoFields.properties.priority.enum", contains("none", "low", "medium", "high"));
    }
}
