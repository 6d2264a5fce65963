package dev.todoapp.mail;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A mail API that stops answering one request holds back that mail only, not the mail queued after it. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(ResendProfile.class)
class MailDispatcherHungSendTest {

    /** Longer than the API client's read timeout (20 s), so the client gives up on it first. */
    private static final int HANG_MILLIS = 25_000;
    /** The wait a person asking for a reset may expect even while another send hangs; generous for a loaded machine. */
    private static final Duration PROMPT = Duration.ofSeconds(8);

    private final WireMockServer api = WireMockResource.server();

    @Test
    void aResetMailLeavesWhileAnotherSendHangsAndTheHungOneIsDeliveredOnceLater() {
        String stuck = TestAccounts.signUp().email();
        String waiting = TestAccounts.signUp().email();
        String scenario = "hangs once " + stuck;
        // the first attempt gets no answer within the client's timeout (and then a refusal: not delivered)
        api.stubFor(post("/emails").withRequestBody(ResendTransportTest.to(stuck)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withFixedDelay(HANG_MILLIS)).willSetStateTo("answering"));
        api.stubFor(post("/emails").withRequestBody(ResendTransportTest.to(stuck)).inScenario(scenario).whenScenarioStateIs("answering")
                .willReturn(okJson("{\"id\":\"stuck\"}")));
        api.stubFor(post("/emails").withRequestBody(ResendTransportTest.to(waiting)).willReturn(okJson("{\"id\":\"waiting\"}")));

        PasswordResetSmtpTest.forgot(stuck).then().statusCode(202);
        await(Duration.ofSeconds(15), () -> requestsTo(stuck).size() == 1, "the first reset mail reaches the API");

        long asked = System.nanoTime();
        PasswordResetSmtpTest.forgot(waiting).then().statusCode(202);
        await(PROMPT, () -> isSent(waiting), "the second reset mail is sent while the first one hangs");
        Duration took = Duration.ofNanos(System.nanoTime() - asked);
        assertEquals(1, requestsTo(stuck).size(), "the first send was still hanging (took " + took + ")");
        assertEquals(1, PasswordResetSmtpTest.outbox(stuck).get(0).get("attempts"));

        // the client gives up on the hung request; the retry is delivered
        await(Duration.ofSeconds(45), () -> isSent(stuck), "the hung mail is retried and sent");
        sleep(Duration.ofMillis(1500)); // several backoff periods: nothing more may go out

        List<LoggedRequest> attempts = requestsTo(stuck);
        assertEquals(2, attempts.size(), "one hung attempt, one delivery");
        assertEquals(1, attempts.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count(),
                "one key across both, so the provider delivers it once even had the hung request gone through");
        Map<String, Object> row = PasswordResetSmtpTest.outbox(stuck).get(0);
        assertEquals(2, row.get("attempts"));
        assertEquals("sent", row.get("status"));
        assertEquals(1, requestsTo(waiting).size());
    }

    private boolean isSent(String recipient) {
        List<Map<String, Object>> rows = PasswordResetSmtpTest.outbox(recipient);
        return rows.size() == 1 && "sent".equals(rows.get(0).get("status"));
    }

    private List<LoggedRequest> requestsTo(String email) {
        return api.findAll(postRequestedFor(urlEqualTo("/emails")).withRequestBody(ResendTransportTest.to(email)));
    }

    private static void await(Duration within, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + within);
            sleep(Duration.ofMillis(50));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
