package dev.todoapp.mail;

import java.util.HashMap;
import java.util.Map;

/** PASSWORD_RESET_TTL of two seconds, so a test can watch a link expire. */
public class ShortTtlProfile extends SmtpProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("password-reset.ttl", "PT2S");
        return overrides;
    }
}
