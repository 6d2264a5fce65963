package dev.todoapp.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/** The checks every piece of user text and every timestamp of the API shares. */
public final class Text {

    public static final String BAD_CHARACTERS = "must not contain control characters";
    /** {@link #isStorable} as a JSON Schema pattern for the OpenAPI: no control characters. */
    public static final String SINGLE_LINE = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$";
    /** The same for multi-line text, which may hold line breaks and tabs. */
    public static final String MULTILINE = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$";
    /** Not blank after trimming, and single-line. */
    public static final String SINGLE_LINE_NOT_BLANK = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$";
    /**
     * What {@link #timestamp} reads: RFC 3339 with seconds, narrowed to years 0001-9999, real dates
     * (29 February only in leap years), offsets up to 18 hours and no leap second, as Java's
     * OffsetDateTime takes them. Digits are spelled [0-9]: a schema's \d may mean any Unicode digit.
     */
    private static final String TIMESTAMP_SHAPE = "(?!0000)(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
            + "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
            + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)"
            + "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]"
            + "(?:\\.[0-9]{1,9})?(?:[Zz]|[+-](?:0[0-9]|1[0-7]):[0-5][0-9]|[+-]18:00)";
    private static final Pattern TIMESTAMP_PATTERN = Pattern.compile(TIMESTAMP_SHAPE);
    /** {@link #timestamp}'s rule as a JSON Schema pattern. */
    public static final String TIMESTAMP = "^" + TIMESTAMP_SHAPE + "$";
    /** The same for a filter, where a blank value means no filter. */
    public static final String TIMESTAMP_OR_BLANK = "^[ \\t\\n\\r]*(?:" + TIMESTAMP_SHAPE + ")?[ \\t\\n\\r]*$";
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
        String text = value.trim();
        if (!TIMESTAMP_PATTERN.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return parsed.getYear() >= 1 && parsed.getYear() <= 9999 ? Optional.of(parsed.toInstant()) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
