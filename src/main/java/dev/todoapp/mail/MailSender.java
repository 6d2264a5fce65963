package dev.todoapp.mail;

import java.util.regex.Pattern;

/** Who mail comes from: SMTP_FROM_NAME / SMTP_FROM_EMAIL. */
public record MailSender(String name, String email) {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9 !#$%&'*+/=?^_`{|}~-]+");

    /** "Name <address>"; a name with commas, brackets or quotes is quoted so it cannot add recipients. */
    public String formatted() {
        if (name == null || name.isBlank()) {
            return email;
        }
        if (PLAIN_NAME.matcher(name).matches()) {
            return name + " <" + email + ">";
        }
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" <" + email + ">";
    }
}
