package dev.todoapp.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class MailOutboxHealthTest {

    @Test
    void mailPrintsToTheLogByDefaultOutsideProduction() {
        given().when().get("/q/health")
                .then().statusCode(200)
                .body("checks.find { it.name == 'mail-outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'mail-outbox' }.data.transport", equalTo("log"));
    }
}
