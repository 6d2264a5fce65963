package dev.todoapp.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HttpBehaviourTest {

    @Test
    void unknownRouteIsProblemJson404() {
        given().get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("not_found")).body("status", equalTo(404)).body("requestId", notNullValue());
        given().get("/totally/unknown").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void wrongMethodIs405() {
        given().delete("/api/auth/login").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("method_not_allowed"))
                .header("Allow", "OPTIONS, POST");
        // RFC 9110: a 405 names what the path does allow, whatever the method tried
        given().request("TRACE", "/api/todos/7c1ad6c4-3d0e-4a4e-9a57-2f7c8f1f3b10").then().statusCode(405)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH");
        given().put("/api/todos/bulk").then().statusCode(405).header("Allow", "OPTIONS, POST");
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"email\":\"" + "a".repeat(1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/auth/register").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("payload_too_large"));
    }

    @Test
    void overlongUrlIs414ProblemJson() {
        given().get("/api/todos?q=" + "a".repeat(9000)).then().statusCode(414)
                .contentType("application/problem+json").body("code", equalTo("uri_too_long")).body("status", equalTo(414));
        // a long URL under the limit still reaches the API (which wants a token first)
        given().get("/api/todos?q=" + "a".repeat(7000)).then().statusCode(401);
    }

    @Test
    void oversizedHeadersAre431ProblemJson() {
        given().header("X-Padding", "b".repeat(20_000)).get("/api/todos").then().statusCode(431)
                .contentType("application/problem+json").body("code", equalTo("headers_too_large"));
        given().header("Authorization", "Bearer " + "c".repeat(17_000)).get("/api/auth/me").then().statusCode(431)
                .contentType("application/problem+json").body("code", equalTo("headers_too_large"));
    }

    @Test
    void deeplyNestedJsonIs400() {
        String nested = "[".repeat(5000) + "]".repeat(5000);
        given().contentType(ContentType.JSON).body("{\"email\":" + nested + "}").post("/api/auth/login")
                .then().statusCode(400).body("code", equalTo("malformed_request"));
    }

    @Test
    void securityHeadersOnEveryResponse() {
        for (String path : new String[] {"/api/auth/me", "/api/unknown", "/q/health/live"}) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("X-Request-Id", notNullValue());
        }
        given().get("/api/auth/me").then()
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
        // HSTS only in production: the test profile is not
        given().get("/q/health/live").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void todosAreNeverCached() {
        dev.todoapp.support.TestAccounts.Account account = dev.todoapp.support.TestAccounts.signUp();
        given().header("Authorization", account.bearer()).get("/api/todos").then().statusCode(200).header("Cache-Control", "no-store");
        given().header("Authorization", account.bearer()).contentType("application/json").body("{\"title\":\"private\"}")
                .post("/api/todos").then().statusCode(201).header("Cache-Control", "no-store");
    }

    @Test
    void requestIdIsEchoedWhenSaneAndReplacedOtherwise() {
        given().header("X-Request-Id", "abc-123.XYZ").get("/q/health/live").then().header("X-Request-Id", "abc-123.XYZ");
        given().header("X-Request-Id", "bad id<script>").get("/q/health/live")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "x".repeat(500)).get("/q/health/live")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        String id = given().header("X-Request-Id", "trace-42").get("/api/missing").then().extract().path("requestId");
        org.junit.jupiter.api.Assertions.assertEquals("trace-42", id);
    }

    @Test
    void corsAllowsOnlyTheFrontendOrigin() {
        given().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .options("/api/todos").then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        given().header("Origin", "http://localhost:3000").get("/q/health/live").then()
                .header("Access-Control-Allow-Origin", "http://localhost:3000")
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().header("Origin", "https://evil.example").get("/q/health/live").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void openApiDescribesTheContract() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", not(nullValue()))
                .body("paths.'/api/auth/login'.post", notNullValue())
                .body("paths.'/api/auth/register'.post", notNullValue())
                .body("paths.'/api/auth/me'.patch", notNullValue());
    }
}
