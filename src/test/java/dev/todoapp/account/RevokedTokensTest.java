package dev.todoapp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Tokens of an account that is gone stop working everywhere, including for a new account on the same address. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
public class RevokedTokensTest {

    public static void assertRevoked(Account account) {
        for (String path : List.of("/api/auth/me", "/api/todos", "/api/todos/categories")) {
            given().header("Authorization", account.bearer()).get(path).then()
                    .statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"));
        }
        given().contentType(ContentType.JSON).body(Map.of("refreshToken", account.refreshToken()))
                .post("/api/auth/refresh").then().statusCode(401).body("code", equalTo("invalid_refresh_token"));
    }

    @Test
    void afterDeletionEverySessionsTokensAre401EvenOnceTheAddressIsReused() {
        Account laptop = TestAccounts.signUp();
        Account phone = TestAccounts.logIn(laptop.email(), laptop.password());
        given().header("Authorization", laptop.bearer()).contentType(ContentType.JSON)
                .body(Map.of("password", laptop.password())).delete("/api/auth/me").then().statusCode(204);

        assertRevoked(laptop);
        assertRevoked(phone);

        Account successor = TestAccounts.signUp(laptop.email());
        given().header("Authorization", successor.bearer()).contentType(ContentType.JSON)
                .body(Map.of("title", "the new owner's todo")).post("/api/todos").then().statusCode(201);
        assertRevoked(laptop);
        assertRevoked(phone);
    }
}
