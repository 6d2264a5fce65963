package dev.todoapp.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** MAIL_TRANSPORT=resend against WireMock; four attempts, fast backoff. */
public class ResendProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mail.transport", "resend",
                "mail.api-key", "test-api-key",
                "mail.from-email", "no-reply@todo.test",
                "mail.from-name", "Todo Test",
                "mail.outbox.base-delay", "PT0.2S",
                "mail.outbox.max-delay", "PT0.5S",
                "mail.outbox.max-attempts", "4");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockResource.class));
    }
}
