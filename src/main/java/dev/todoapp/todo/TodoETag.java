package dev.todoapp.todo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ETag of a todo is its version in quotes; If-Match is compared against it. */
public final class TodoETag {

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*\"([^\"]*)\"\\s*");

    private TodoETag() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Whether an If-Match header lets a change to this version through: an absent header or
     * {@code *} always does; otherwise one of the listed (strong) tags must be this version's.
     */
    public static boolean allows(String ifMatch, long version) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return true;
        }
        String expected = Long.toString(version);
        for (String candidate : ifMatch.split(",")) {
            Matcher tag = ENTITY_TAG.matcher(candidate);
            if (tag.matches() && tag.group(1).equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
