package dev.todoapp.mail;

import java.util.HashMap;
import java.util.Map;

/** GreenMail with three attempts, half-second backoff, and the operator endpoints on (ADMIN_TOKEN). */
public class MailAdminProfile extends SmtpProfile {

    static final String ADMIN_TOKEN = "test-operator-token-0123456789-abcdefghij";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("mail.outbox.max-attempts", "3");
        overrides.put("admin.token", ADMIN_TOKEN);
        return overrides;
    }
}
