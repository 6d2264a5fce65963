package dev.todoapp.todo;

import static dev.todoapp.todo.TodoApi.as;
import static dev.todoapp.todo.TodoApi.create;
import static dev.todoapp.todo.TodoApi.invalid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** remindAt and recurrence through the API: the rules, and completing / reopening a recurring todo. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RecurringTodoApiTest {

    private static Account user(String timeZone) {
        Account account = TestAccounts.signUp();
        as(account).body(Map.of("timeZone", timeZone)).patch("/api/auth/me").then().statusCode(200);
        return account;
    }

    private static Map<String, Object> monthly(String dueAt, String remindAt) {
        return Map.of("title", "Pay rent", "dueAt", dueAt, "remindAt", remindAt,
                "recurrence", Map.of("freq", "monthly", "interval", 1));
    }

    @Test
    void aReminderAndARecurrenceAreStoredAndShown() {
        Account account = user("Europe/Berlin");
        String remindAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        String id = create(account, Map.of("title", "Standup", "dueAt", "2027-01-04T08:00:00Z", "remindAt", remindAt,
                "recurrence", Map.of("freq", "weekly", "byWeekday", List.of("we", "mo"))));
        as(account).get("/api/todos/" + id).then().statusCode(200)
                .body("remindAt", equalTo(remindAt))
                .body("recurrence.freq", equalTo("weekly"))
                .body("recurrence.interval", equalTo(1))
                .body("recurrence.byWeekday", contains("mo", "we"))
                .body("nextOccurrence", nullValue());
        // JSON has one number type: 3.0 is the whole number 3
        as(account).body("{\"recurrence\": {\"freq\": \"daily\", \"interval\": 3.0}}").patch("/api/todos/" + id)
                .then().statusCode(200).body("recurrence.freq", equalTo("daily")).body("recurrence.interval", equalTo(3))
                .body("recurrence.byWeekday", equalTo(List.of()));
        as(account).body("{\"recurrence\": null, \"remindAt\": null}").patch("/api/todos/" + id)
                .then().statusCode(200).body("recurrence", nullValue()).body("remindAt", nullValue());
    }

    @Test
    void badRemindersAndRecurrencesAre422() {
        Account account = user("UTC");
        as(account).body(Map.of("title", "t", "remindAt", Instant.now().minusSeconds(5).toString())).post("/api/todos")
                .then().spec(invalid("remindAt"));
        as(account).body(Map.of("title", "t", "recurrence", Map.of("freq", "daily"))).post("/api/todos")
                .then().spec(invalid("recurrence"));
        as(account).body(Map.of("title", "t", "dueAt", "2027-01-01T00:00:00Z", "recurrence", Map.of("freq", "daily", "interval", 0)))
                .post("/api/todos").then().spec(invalid("recurrence.interval"));
        as(account).body("{\"title\": \"t\", \"dueAt\": \"2027-01-01T00:00:00Z\", \"recurrence\": {\"freq\": \"daily\", \"interval\": 2.5}}")
                .post("/api/todos").then().statusCode(400).body("code", equalTo("malformed_request"));
        as(account).body(Map.of("title", "t", "dueAt", "2027-01-01T00:00:00Z",
                "recurrence", Map.of("freq", "daily", "byWeekday", List.of("mo")))).post("/api/todos")
                .then().spec(invalid("recurrence.byWeekday"));
        as(account).body(Map.of("title", "t", "recurrence", Map.of("freq", "daily", "unit", "days"))).post("/api/todos")
                .then().statusCode(400).body("code", equalTo("malformed_request"));
        String id = create(account, Map.of("title", "t", "dueAt", "2027-01-01T00:00:00Z", "recurrence", Map.of("freq", "yearly")));
        as(account).body("{\"dueAt\": null}").patch("/api/todos/" + id).then().spec(invalid("dueAt"));
    }

    @Test
    void completingARecurringTodoCreatesTheNextOccurrenceAndReopeningRemovesItIfUntouched() {
        Account account = user("Europe/Berlin");
        // 31 January 2027, 09:00 in Berlin; the reminder an hour before
        String id = create(account, monthly("2027-01-31T08:00:00Z", "2027-01-31T07:00:00Z"));

        JsonPath completed = as(account).post("/api/todos/" + id + "/toggle").then().statusCode(200)
                .body("completed", equalTo(true))
                .body("nextOccurrence.title", equalTo("Pay rent"))
                .body("nextOccurrence.completed", equalTo(false))
                .body("nextOccurrence.dueAt", equalTo("2027-02-28T08:00:00Z"))
                .body("nextOccurrence.remindAt", equalTo("2027-02-28T07:00:00Z"))
                .body("nextOccurrence.recurrence.freq", equalTo("monthly"))
                .extract().jsonPath();
        String next = completed.getString("nextOccurrence.id");
        assertNotEquals(id, next);
        as(account).get("/api/todos/" + next).then().statusCode(200).body("dueAt", equalTo("2027-02-28T08:00:00Z"));

        // the next one, in turn, goes back to the 31st
        JsonPath february = as(account).body(Map.of("completed", true)).patch("/api/todos/" + next).then().statusCode(200)
                .body("nextOccurrence.dueAt", equalTo("2027-03-31T07:00:00Z")).extract().jsonPath();
        String march = february.getString("nextOccurrence.id");
        assertEquals("2027-03-31T06:00:00Z", february.getString("nextOccurrence.remindAt"), "one hour before, in summer time");

        // reopening February removes March, which nobody touched
        as(account).post("/api/todos/" + next + "/toggle").then().statusCode(200).body("completed", equalTo(false))
                .body("nextOccurrence", nullValue());
        as(account).get("/api/todos/" + march).then().statusCode(404);
        // completing again creates a fresh one
        as(account).post("/api/todos/" + next + "/toggle").then().statusCode(200).body("nextOccurrence.id", notNullValue());
    }

    @Test
    void reopeningKeepsAnOccurrenceThatWasChangedSince() {
        Account account = user("UTC");
        String id = create(account, Map.of("title", "Water plants", "dueAt", "2027-05-01T18:00:00Z",
                "recurrence", Map.of("freq", "daily", "interval", 2)));
        String next = as(account).post("/api/todos/" + id + "/toggle").then().statusCode(200)
                .body("nextOccurrence.dueAt", equalTo("2027-05-03T18:00:00Z")).body("nextOccurrence.remindAt", nullValue())
                .extract().path("nextOccurrence.id");
        as(account).body(Map.of("title", "Water plants and herbs")).patch("/api/todos/" + next).then().statusCode(200);
        as(account).post("/api/todos/" + id + "/toggle").then().statusCode(200);
        as(account).get("/api/todos/" + next).then().statusCode(200).body("title", equalTo("Water plants and herbs"));
    }

    @Test
    void bulkCompleteCreatesNextOccurrencesToo() {
        Account account = user("UTC");
        String recurring = create(account, Map.of("title", "Gym", "dueAt", "2027-05-03T07:00:00Z",
                "recurrence", Map.of("freq", "weekly", "byWeekday", List.of("mo", "th"))));
        String plain = create(account, "Once");
        as(account).body(Map.of("action", "complete", "ids", List.of(recurring, plain))).post("/api/todos/bulk")
                .then().statusCode(200).body("affected", equalTo(2));
        List<String> open = as(account).get("/api/todos?status=active").then().statusCode(200).extract().path("items.dueAt");
        assertEquals(List.of("2027-05-06T07:00:00Z"), open, "Thursday of the same week");
        as(account).body(Map.of("action", "uncomplete", "ids", List.of(recurring, plain))).post("/api/todos/bulk")
                .then().statusCode(200).body("affected", equalTo(2));
        assertEquals(2, as(account).get("/api/todos").then().statusCode(200).extract().<List<?>>path("items").size(),
                "the untouched occurrence is gone again");
    }
}
