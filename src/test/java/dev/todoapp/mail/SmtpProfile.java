package dev.todoapp.mail;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** MAIL_TRANSPORT=smtp against GreenMail, with retries fast enough for a test to watch. */
public class SmtpProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "service.frontend-urls", "https://app.todo.test,http://localhost:3000",
                "mail.from-email", "no-reply@todo.test",
                "mail.from-name", "Todo Test",
                "mail.outbox.base-delay", "PT0.5S",
                "mail.outbox.max-delay", "PT1S",
                "mail.outbox.max-attempts", "30");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
