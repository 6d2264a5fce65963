package dev.todoapp.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The HTTPS email API transport (Resend) against a real local HTTP server. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(ResendProfile.class)
class ResendTransportTest {

    private final WireMockServer api = WireMockResource.server();

    @Test
    void sendsOneAuthenticatedJsonRequestWithBothParts() {
        String email = TestAccounts.signUp().email();
        api.stubFor(post("/emails").withRequestBody(to(email)).willReturn(okJson("{\"id\":\"49a3999c\"}")));

        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "sent".equals(row.get("status")));

        List<LoggedRequest> requests = requestsTo(email);
        assertEquals(1, requests.size());
        LoggedRequest request = requests.get(0);
        assertEquals("Bearer test-api-key", request.getHeader("Authorization"));
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
        assertEquals(PasswordResetSmtpTest.outbox(email).get(0).get("id").toString(), request.getHeader("Idempotency-Key"));
        JsonPath body = JsonPath.from(request.getBodyAsString());
        assertEquals("Todo Test <no-reply@todo.test>", body.getString("from"));
        assertEquals(List.of(email), body.getList("to"));
        assertEquals("Reset your password", body.getString("subject"));
        String link = Mails.resetLink(body.getString("text"));
        assertEquals(link, Mails.resetLink(body.getString("html")));
        assertTrue(body.getString("html").contains("This link expires in 1 hour"));
    }

    @Test
    void retriesTooManyRequestsAndServerErrorsThenDelivers() {
        String email = TestAccounts.signUp().email();
        String scenario = "flaky " + email;
        api.stubFor(post("/emails").withRequestBody(to(email)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("second"));
        api.stubFor(post("/emails").withRequestBody(to(email)).inScenario(scenario).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        api.stubFor(post("/emails").withRequestBody(to(email)).inScenario(scenario).whenScenarioStateIs("third")
                .willReturn(okJson("{\"id\":\"ok\"}")));

        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "sent".equals(row.get("status")));

        Map<String, Object> row = PasswordResetSmtpTest.outbox(email).get(0);
        assertEquals(3, row.get("attempts"));
        assertNull(row.get("payload"), "the sealed body is dropped once sent");
        List<LoggedRequest> requests = requestsTo(email);
        assertEquals(3, requests.size());
        assertEquals(1, requests.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count(), "one key across retries");
    }

    @Test
    void doesNotRetryAClientError() throws InterruptedException {
        String email = TestAccounts.signUp().email();
        api.stubFor(post("/emails").withRequestBody(to(email))
                .willReturn(aResponse().withStatus(422).withBody("{\"name\":\"validation_error\"}")));

        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "dead".equals(row.get("status")));
        Thread.sleep(1500); // several backoff periods: nothing more may arrive

        Map<String, Object> row = PasswordResetSmtpTest.outbox(email).get(0);
        assertEquals(1, row.get("attempts"));
        assertEquals("HTTP 422", row.get("last_error"));
        assertEquals(1, requestsTo(email).size());
    }

    @Test
    void marksTheMailDeadAfterTheAttemptLimit() {
        String email = TestAccounts.signUp().email();
        api.stubFor(post("/emails").withRequestBody(to(email)).willReturn(aResponse().withStatus(500)));

        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "dead".equals(row.get("status")));

        Map<String, Object> row = PasswordResetSmtpTest.outbox(email).get(0);
        assertEquals(4, row.get("attempts"));
        assertEquals("HTTP 500", row.get("last_error"));
        // kept for an operator's requeue (MailAdminTest), but only sealed: no readable link
        byte[] sealed = (byte[]) row.get("payload");
        assertTrue(sealed != null && sealed.length > 0, "a dead mail keeps its sealed body");
        assertFalse(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("reset-password"), "sealed");
        assertEquals(4, requestsTo(email).size());
    }

    /** Requests carrying the reset mail to {@code email}. */
    static com.github.tomakehurst.wiremock.matching.StringValuePattern to(String email) {
        return WireMock.and(matchingJsonPath("$.to[0]", WireMock.equalTo(email)),
                // the reset mail only: a sign-up also mails the same address its verification link
                matchingJsonPath("$.subject", WireMock.equalTo("Reset your password")));
    }

    private List<LoggedRequest> requestsTo(String email) {
        return api.findAll(postRequestedFor(urlEqualTo("/emails")).withRequestBody(to(email)));
    }
}
