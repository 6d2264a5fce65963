package dev.todoapp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The mail settings of PATCH /api/auth/me: time zone, reminders, digest. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AccountSettingsTest {

    private static RequestSpecification as(Account account) {
        return given().header("Authorization", account.bearer()).contentType(ContentType.JSON);
    }

    @Test
    void aNewAccountHasUtcRemindersOnAndNoDigest() {
        Account account = TestAccounts.signUp();
        as(account).get("/api/auth/me").then().statusCode(200)
                .body("timeZone", equalTo("UTC")).body("emailReminders", equalTo(true)).body("dailyDigest", equalTo(false));
    }

    @Test
    void settingsChangeAndWhatIsLeftOutStays() {
        Account account = TestAccounts.signUp();
        as(account).body(Map.of("timeZone", "America/Argentina/Buenos_Aires", "emailReminders", false, "dailyDigest", true))
                .patch("/api/auth/me").then().statusCode(200)
                .body("timeZone", equalTo("America/Argentina/Buenos_Aires"))
                .body("emailReminders", equalTo(false)).body("dailyDigest", equalTo(true))
                .body("name", equalTo("Test User"));
        as(account).body(Map.of("name", "Grace")).patch("/api/auth/me").then().statusCode(200)
                .body("name", equalTo("Grace")).body("timeZone", equalTo("America/Argentina/Buenos_Aires"))
                .body("dailyDigest", equalTo(true));
        as(account).body("{\"name\": null}").patch("/api/auth/me").then().statusCode(200).body("name", equalTo(null));
    }

    @Test
    void anUnknownTimeZoneIs422AndWrongTypesAre400() {
        Account account = TestAccounts.signUp();
        for (String zone : new String[] {"Mars/Olympus_Mons", "+02:00", "CEST", "", "europe/berlin"}) {
            as(account).body(Map.of("timeZone", zone)).patch("/api/auth/me").then().statusCode(422)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors.field", hasItem("timeZone"));
        }
        as(account).body("{\"dailyDigest\": null}").patch("/api/auth/me").then().statusCode(422)
                .body("errors.field", hasItem("dailyDigest"));
        for (String body : new String[] {"{\"emailReminders\": \"no\"}", "{\"timeZone\": 5}", "{\"colour\": \"red\"}", "[]"}) {
            as(account).body(body).patch("/api/auth/me").then().statusCode(400).body("code", equalTo("malformed_request"));
        }
        as(account).get("/api/auth/me").then().body("timeZone", equalTo("UTC")).body("emailReminders", equalTo(true));
    }
}
