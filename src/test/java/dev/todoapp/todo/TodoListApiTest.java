package dev.todoapp.todo;

import static dev.todoapp.todo.TodoApi.as;
import static dev.todoapp.todo.TodoApi.create;
import static dev.todoapp.todo.TodoApi.invalid;
import static dev.todoapp.todo.TodoApi.titles;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The list and the routes that act on many todos: filters, sorting, pages, bulk, categories. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TodoListApiTest {

    @Test
    void pagesSplitTheListWithoutGapsOrOverlaps() {
        Account user = TestAccounts.signUp();
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            created.add(create(user, "todo " + i));
        }
        as(user).get("/api/todos").then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("totalItems", equalTo(7))
                .body("totalPages", equalTo(1));

        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(as(user).get("/api/todos?size=3&page=" + page).then().statusCode(200)
                    .body("page", equalTo(page))
                    .body("size", equalTo(3))
                    .body("totalItems", equalTo(7))
                    .body("totalPages", equalTo(3))
                    .extract().<List<String>>path("items.id"));
        }
        assertEquals(created, seen);
        as(user).get("/api/todos?size=3&page=3").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(7)).body("totalPages", equalTo(3));
        as(user).get("/api/todos?size=100").then().body("items.size()", equalTo(7));
    }

    @Test
    void anEmptyListHasNoPages() {
        Account user = TestAccounts.signUp();
        as(user).get("/api/todos").then().statusCode(200)
                .body("items", empty()).body("totalItems", equalTo(0)).body("totalPages", equalTo(0));
    }

    @Test
    void statusPriorityCategoryAndTagFilterTheList() {
        Account user = TestAccounts.signUp();
        create(user, Map.of("title", "high work", "priority", "high", "category", "Work", "tags", List.of("urgent", "q4")));
        create(user, Map.of("title", "low home", "priority", "low", "category", "Home", "tags", List.of("q4")));
        create(user, Map.of("title", "medium done", "priority", "medium", "completed", true, "tags", List.of("urgent")));
        create(user, "plain");

        assertEquals(List.of("high work", "low home", "plain"), titles(user, "status=active"));
        assertEquals(List.of("medium done"), titles(user, "status=completed"));
        assertEquals(4, titles(user, "status=all").size());
        assertEquals(List.of("high work", "low home"), titles(user, "priority=high&priority=low"));
        assertEquals(List.of("plain"), titles(user, "priority=none"));
        assertEquals(List.of("low home"), titles(user, "category=Home"));
        assertEquals(List.of("high work", "medium done"), titles(user, "tag=urgent"));
        assertEquals(List.of("high work"), titles(user, "tag=urgent&status=active&category=Work"));
        assertEquals(List.of(), titles(user, "tag=urg"));
    }

    @Test
    void textSearchIsCaseInsensitiveOverTitleAndDescription() {
        Account user = TestAccounts.signUp();
        create(user, Map.of("title", "Call GRANDMA", "description", "about the visit"));
        create(user, Map.of("title", "Groceries", "description", "milk, bread for grandma"));
        create(user, Map.of("title", "Éclairs für Ömer"));
        create(user, "Unrelated");

        assertEquals(List.of("Call GRANDMA", "Groceries"), titles(user, "q=Grandma"));
        assertEquals(List.of("Call GRANDMA"), titles(user, "q=VISIT"));
        assertEquals(List.of("Éclairs für Ömer"), titles(user, "q=éclairs FÜR"));
    }

    @Test
    void searchTextIsTakenLiterallyEvenWithSqlMetacharacters() {
        Account user = TestAccounts.signUp();
        create(user, "100% done");
        create(user, "1000 done");
        create(user, "snake_case");
        create(user, "snakeXcase");
        create(user, "O'Brien's list");
        create(user, "C:\\temp\\files");
        create(user, "Ctemp");

        assertEquals(List.of("100% done"), titles(user, "q=%"));
        assertEquals(List.of("snake_case"), titles(user, "q=_"));
        assertEquals(List.of("O'Brien's list"), titles(user, "q=O'Brien"));
        assertEquals(List.of("C:\\temp\\files"), titles(user, "q=\\temp"));
        assertEquals(List.of(), titles(user, "q=!"));
        assertEquals(List.of(), titles(user, "q=' OR '1'='1"));
    }

    @Test
    void dueBeforeAndDueAfterBoundTheDueDate() {
        Account user = TestAccounts.signUp();
        create(user, Map.of("title", "january", "dueAt", "2026-01-15T09:00:00Z"));
        create(user, Map.of("title", "march", "dueAt", "2026-03-15T09:00:00+01:00"));
        create(user, "no due date");

        assertEquals(List.of("january"), titles(user, "dueBefore=2026-02-01T00:00:00Z"));
        assertEquals(List.of("march"), titles(user, "dueAfter=2026-02-01T00:00:00Z"));
        assertEquals(List.of("march"), titles(user, "dueAfter=2026-03-15T07:59:59Z&dueBefore=2026-03-15T08:00:01Z"));
        as(user).queryParam("dueAfter", "2026-03-15T09:00:00+02:00").get("/api/todos")
                .then().statusCode(200).body("items.title", contains("march"));
    }

    @Test
    void sortingOrdersByEachFieldInBothDirections() {
        Account user = TestAccounts.signUp();
        create(user, Map.of("title", "banana", "priority", "low", "dueAt", "2026-05-01T00:00:00Z"));
        create(user, Map.of("title", "Apple", "priority", "high"));
        create(user, Map.of("title", "cherry", "priority", "medium", "dueAt", "2026-04-01T00:00:00Z"));

        assertEquals(List.of("banana", "Apple", "cherry"), titles(user, ""));
        assertEquals(List.of("cherry", "Apple", "banana"), titles(user, "sort=position&order=desc"));
        assertEquals(List.of("banana", "Apple", "cherry"), titles(user, "sort=createdAt"));
        assertEquals(List.of("cherry", "Apple", "banana"), titles(user, "sort=createdAt&order=desc"));
        assertEquals(List.of("Apple", "banana", "cherry"), titles(user, "sort=title"));
        assertEquals(List.of("cherry", "banana", "Apple"), titles(user, "sort=title&order=desc"));
        assertEquals(List.of("banana", "cherry", "Apple"), titles(user, "sort=priority"));
        assertEquals(List.of("Apple", "cherry", "banana"), titles(user, "sort=priority&order=desc"));
        // no due date sorts last either way
        assertEquals(List.of("cherry", "banana", "Apple"), titles(user, "sort=dueAt"));
        assertEquals(List.of("banana", "cherry", "Apple"), titles(user, "sort=dueAt&order=desc"));

        String banana = as(user).get("/api/todos?q=banana").path("items[0].id");
        as(user).body(Map.of("description", "edited")).patch("/api/todos/" + banana).then().statusCode(200);
        assertEquals("banana", titles(user, "sort=updatedAt&order=desc").get(0));
        assertEquals("banana", titles(user, "sort=updatedAt").get(2));
    }

    @Test
    void equalSortKeysStillPageStably() {
        Account user = TestAccounts.signUp();
        for (int i = 0; i < 6; i++) {
            create(user, Map.of("title", "same", "priority", "high"));
        }
        for (String order : List.of("asc", "desc")) {
            List<String> all = as(user).get("/api/todos?sort=priority&order=" + order).path("items.id");
            List<String> paged = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                paged.addAll(as(user).get("/api/todos?sort=priority&size=2&order=" + order + "&page=" + page)
                        .<List<String>>path("items.id"));
            }
            assertEquals(all, paged);
            assertEquals(6, paged.stream().distinct().count());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "status=done                 | status",
            "priority=high&priority=top  | priority",
            "sort=name                   | sort",
            "order=up                    | order",
            "page=-1                     | page",
            "page=one                    | page",
            "page=2147483647&size=100    | page",
            "size=0                      | size",
            "size=101                    | size",
            "size=ten                    | size",
            "page=%20                    | page",
            "dueBefore=yesterday         | dueBefore",
            "dueAfter=2026-01-01         | dueAfter",
            "tag=0123456789012345678901234567890 | tag",
            "category=012345678901234567890123456789012345678901234567890 | category",
    })
    void badQueryValuesAnswer422NamingTheParameter(String query, String field) {
        Account user = TestAccounts.signUp();
        as(user).get("/api/todos?" + query).then().spec(invalid(field));
    }

    @Test
    void anEmptyPageSizeSortOrOrderMeansTheDefault() {
        Account user = TestAccounts.signUp();
        create(user, "b");
        create(user, "a");
        as(user).get("/api/todos?page=&size=&sort=&order=").then().statusCode(200)
                .body("items.title", contains("b", "a"))
                .body("page", equalTo(0)).body("size", equalTo(50));
    }

    @Test
    void controlCharactersInSearchTextAreRefused() {
        Account user = TestAccounts.signUp();
        as(user).queryParam("q", "a\u0000b").get("/api/todos")
                .then().spec(invalid("q"));
    }

    @Test
    void categoriesCountTheUsersTodosPerCategory() {
        Account user = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        create(user, Map.of("title", "a", "category", "Work"));
        create(user, Map.of("title", "b", "category", "Work", "completed", true));
        create(user, Map.of("title", "c", "category", "Home"));
        create(user, "no category");
        create(other, Map.of("title", "d", "category", "Work"));

        as(user).get("/api/todos/categories").then().statusCode(200)
                .body("name", contains("Home", "Work"))
                .body("count", contains(1, 2));
    }

    @Test
    void clearCompletedDeletesOnlyTheUsersCompletedTodos() {
        Account user = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        create(user, Map.of("title", "done 1", "completed", true));
        create(user, Map.of("title", "done 2", "completed", true));
        create(user, "open");
        create(other, Map.of("title", "other's done", "completed", true));

        as(user).delete("/api/todos?status=completed").then().statusCode(200).body("deleted", equalTo(2));
        assertEquals(List.of("open"), titles(user, ""));
        assertEquals(List.of("other's done"), titles(other, ""));
        as(user).delete("/api/todos?status=completed").then().statusCode(200).body("deleted", equalTo(0));
    }

    @Test
    void clearingAnythingButCompletedIsRefused() {
        Account user = TestAccounts.signUp();
        create(user, "open");
        for (String query : List.of("", "?status=active", "?status=all")) {
            as(user).delete("/api/todos" + query).then().spec(invalid("status"));
        }
        assertEquals(List.of("open"), titles(user, ""));
    }

    @Test
    void bulkActsOnlyOnTheCallersTodos() {
        Account user = TestAccounts.signUp();
        Account other = TestAccounts.signUp();
        String a = create(user, "a");
        String b = create(user, "b");
        String c = create(user, "c");
        String foreign = create(other, "foreign");

        as(user).body(Map.of("action", "complete", "ids", List.of(a, b, foreign))).post("/api/todos/bulk")
                .then().statusCode(200).body("affected", equalTo(2));
        assertEquals(List.of("a", "b"), titles(user, "status=completed"));
        as(user).get("/api/todos/" + a).then().body("version", equalTo(1));
        // already completed todos are not changed again
        as(user).body(Map.of("action", "complete", "ids", List.of(a, c))).post("/api/todos/bulk")
                .then().body("affected", equalTo(1));
        as(user).body(Map.of("action", "uncomplete", "ids", List.of(a, a, "00000000-0000-0000-0000-000000000000")))
                .post("/api/todos/bulk").then().statusCode(200).body("affected", equalTo(1));
        as(user).get("/api/todos/" + a).then().body("completed", equalTo(false)).body("completedAt", equalTo(null));
        as(user).body(Map.of("action", "delete", "ids", List.of(a, b, foreign))).post("/api/todos/bulk")
                .then().statusCode(200).body("affected", equalTo(2));
        assertEquals(List.of("c"), titles(user, ""));
        assertEquals(List.of("foreign"), titles(other, "status=active"));
        as(user).body(Map.of("action", "delete", "ids", List.of())).post("/api/todos/bulk")
                .then().statusCode(200).body("affected", equalTo(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"action\": \"archive\", \"ids\": []}   | 422 | action",
            "{\"ids\": []}                            | 422 | action",
            "{\"action\": \"delete\"}                 | 422 | ids",
            "{\"action\": \"delete\", \"ids\": [null]} | 422 | ids",
            "{\"action\": \"delete\", \"ids\": [\"nope\"]} | 400 | ids[0]",
            "{\"action\": \"delete\", \"ids\": \"x\"} | 400 | ids",
    })
    void badBulkRequestsAreRefused(String body, int status, String field) {
        Account user = TestAccounts.signUp();
        as(user).body(body).post("/api/todos/bulk").then().statusCode(status).body("errors.field", contains(field));
    }

    @Test
    void bulkRefusesTooManyIds() {
        Account user = TestAccounts.signUp();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            ids.add(java.util.UUID.randomUUID().toString());
        }
        as(user).body(Map.of("action", "delete", "ids", ids)).post("/api/todos/bulk")
                .then().spec(invalid("ids"));
    }
}
