package dev.todoapp.mail;

import java.util.HashMap;
import java.util.Map;

/**
 * SMTP to GreenMail, but this instance never dispatches: its outbox rows are what a crashed or
 * stopped instance leaves behind, and the test plays the instances that come after it.
 */
public class DispatcherOffProfile extends SmtpProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("mail.outbox.dispatcher-enabled", "false");
        return overrides;
    }
}
