package dev.todoapp.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The SendGrid v3 transport against a real local HTTP server; retry rules are shared with Resend. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(SendGridProfile.class)
class SendGridTransportTest {

    private final WireMockServer api = WireMockResource.server();

    @Test
    void sendsTheV3RequestAndRetriesAServerError() {
        String email = TestAccounts.signUp().email();
        api.stubFor(post("/v3/mail/send").withRequestBody(to(email)).inScenario(email)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("up"));
        api.stubFor(post("/v3/mail/send").withRequestBody(to(email)).inScenario(email).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));

        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "sent".equals(row.get("status")));

        List<LoggedRequest> requests = api.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")).withRequestBody(to(email)));
        assertEquals(2, requests.size());
        LoggedRequest request = requests.get(1);
        assertEquals("Bearer test-api-key", request.getHeader("Authorization"));
        JsonPath body = JsonPath.from(request.getBodyAsString());
        assertEquals(Map.of("email", "no-reply@todo.test", "name", "Todo Test"), body.getMap("from"));
        assertEquals("Reset your password", body.getString("subject"));
        assertEquals(List.of("text/plain", "text/html"), body.getList("content.type"));
        String link = Mails.resetLink(body.getString("content[0].value"));
        assertEquals(link, Mails.resetLink(body.getString("content[1].value")));
        assertTrue(body.getString("content[1].value").contains("This link expires in 1 hour"));
    }

    @Test
    void aRejectedRequestIsNotRetried() {
        String email = TestAccounts.signUp().email();
        api.stubFor(post("/v3/mail/send").withRequestBody(to(email)).willReturn(aResponse().withStatus(400)));

        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "dead".equals(row.get("status")));
        assertEquals("HTTP 400", PasswordResetSmtpTest.outbox(email).get(0).get("last_error"));
        assertEquals(1, PasswordResetSmtpTest.outbox(email).get(0).get("attempts"));
    }

    private static StringValuePattern to(String email) {
        return WireMock.and(matchingJsonPath("$.personalizations[0].to[0].email", WireMock.equalTo(email)),
                // the reset mail only: a sign-up also mails the same address its verification link
                matchingJsonPath("$.subject", WireMock.equalTo("Reset your password")));
    }
}
