package dev.todoapp.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** The checks every piece of user text and every timestamp of the API shares. */
public final class Text {

    public static final String BAD_CHARACTERS = "must not contain control characters";
    public static final String BAD_TIMESTAMP = "must be an ISO-8601 timestamp with offset, e.g. 2026-11-26T10:00:00Z";

    private Text() {
    }

    /** Lengths count code points, as PostgreSQL's varchar limits do: an emoji is one character. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /**
     * Whether the text can be stored and shown as it was typed: PostgreSQL rejects NUL, a lone
     * surrogate cannot be encoded, and single-line fields take no line breaks or other controls.
     */
    public static boolean isStorable(String text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == 0
                    || Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                return false;
            }
        }
        return true;
    }

    /** An instant PostgreSQL can store, from an ISO-8601 timestamp that names its offset. */
    public static Optional<Instant> timestamp(String value) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return parsed.getYear() >= 1 && parsed.getYear() <= 9999 ? Optional.of(parsed.toInstant()) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
