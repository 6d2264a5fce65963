package dev.todoapp.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Kept answers go after 24 hours: a key used a day ago starts a new write. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class IdempotencyKeyPurgeTest {

    @Inject
    IdempotencyKeyPurge purge;

    @Test
    void answersOlderThanADayArePurgedAndTheirKeysWorkAgain() {
        Account user = TestAccounts.signUp();
        String oldKey = UUID.randomUUID().toString();
        String freshKey = UUID.randomUUID().toString();
        post(user, oldKey, "Yesterday");
        post(user, freshKey, "Today");
        TestDatabase.update("update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?", oldKey);

        post(user, oldKey, "Yesterday").then().statusCode(201).header("Idempotent-Replayed", (String) null);
        TestDatabase.update("update idempotency_key set created_at = now() - interval '25 hours' where idempotency_key = ?", oldKey);
        purge.purge().await().indefinitely();

        assertEquals(0, TestDatabase.rows("select 1 from idempotency_key where idempotency_key = ?", oldKey).size());
        assertEquals(1, TestDatabase.rows("select 1 from idempotency_key where idempotency_key = ?", freshKey).size());
        post(user, freshKey, "Today").then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    private static io.restassured.response.Response post(Account user, String key, String title) {
        return given().header("Authorization", user.bearer()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("title", title)).post("/api/todos");
    }
}
