package dev.todoapp.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** The contract's email rule: trimmed, at most 254 characters, a plausible address; compared case-insensitively. */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;
    private static final Pattern VALID = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    private EmailAddress() {
    }

    /** The trimmed address, or 422 naming {@code field}. */
    public static String valid(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.validation(field, "must not be blank");
        }
        String email = raw.strip();
        if (email.length() > MAX_LENGTH) {
            throw DomainException.validation(field, "must be at most " + MAX_LENGTH + " characters");
        }
        if (!isValid(email)) {
            throw DomainException.validation(field, "must be a valid email address");
        }
        return email;
    }

    /** Whether the trimmed text follows the rule; an address that does not can have no account. */
    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String email = raw.strip();
        return email.length() <= MAX_LENGTH && VALID.matcher(email).matches() && !email.contains("..");
    }

    public static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** For logs: "j***@example.com" — enough to correlate, not enough to harvest. */
    public static String masked(String email) {
        if (email == null) {
            return "-";
        }
        int at = email.indexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
