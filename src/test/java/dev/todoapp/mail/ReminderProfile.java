package dev.todoapp.mail;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.todoapp.support.TestClock;

/** SMTP to GreenMail with the settable {@link TestClock}, a fast reminder poll and small batches. */
public class ReminderProfile extends SmtpProfile {

    public static final String PUBLIC_API_URL = "https://api.todo.test";
    /** Long enough that no unpaced run of a few batches could take as long on a loaded machine. */
    public static final Duration BATCH_PAUSE = Duration.ofSeconds(3);

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("reminders.public-api-url", PUBLIC_API_URL);
        overrides.put("reminders.poll-interval", "PT1S");
        // several batches per run, so two concurrent runs really interleave
        overrides.put("reminders.batch-size", "5");
        overrides.put("reminders.batch-pause", BATCH_PAUSE.toString());
        return overrides;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }
}
