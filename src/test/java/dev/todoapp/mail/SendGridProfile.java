package dev.todoapp.mail;

import java.util.HashMap;
import java.util.Map;

/** MAIL_TRANSPORT=sendgrid against WireMock, with the Resend profile's retry settings. */
public class SendGridProfile extends ResendProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("mail.transport", "sendgrid");
        return overrides;
    }
}
