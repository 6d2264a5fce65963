package dev.todoapp.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Public health says which checks are UP or DOWN and nothing else; a mail backlog is wellness, never readiness. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class MailOutboxHealthTest {

    @Test
    void publicHealthCarriesNamesAndStatusOnly() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("checks.find { it.name == 'mail-outbox' }.status", equalTo("UP"))
                .body("checks.findAll { it.data != null }.size()", equalTo(0))
                .body("checks.collect { it.keySet() }.flatten().unique().sort()", equalTo(java.util.List.of("name", "status")));
    }

    @Test
    void aForgotForARealAccountLooksTheSameOnHealthAsOneForNobody() {
        String before = given().get("/q/health").then().statusCode(200).extract().asString();
        forgot(TestAccounts.signUp().email());
        forgot(TestAccounts.uniqueEmail());
        assertEquals(before, given().get("/q/health").then().statusCode(200).extract().asString());
    }

    @Test
    void aMailWaitingOverTenMinutesIsUnwellButTheServiceStaysReady() {
        UUID id = UUID.randomUUID();
        // not due for an hour, so the dispatcher leaves it alone while the test looks
        TestDatabase.update("insert into mail_outbox (id, kind, recipient, subject, status, attempts, next_attempt_at, created_at, updated_at)"
                + " values (?, 'test', 'stuck@example.com', 'stuck', 'pending', 3, now() + interval '1 hour',"
                + " now() - interval '11 minutes', now())", id);
        try {
            given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name == 'mail-outbox' }.status", equalTo("DOWN"));
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.name", not(hasItem("mail-outbox")));
        } finally {
            TestDatabase.update("delete from mail_outbox where id = ?", id);
        }
        given().get("/q/health/well").then().statusCode(200);
    }

    private static void forgot(String email) {
        TestAccounts.fromFreshAddress().contentType(ContentType.JSON)
                .body(Map.of("email", email)).post("/api/auth/password/forgot").then().statusCode(202);
    }
}
