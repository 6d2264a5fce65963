package dev.todoapp.todo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** If-Match lets a change through only for the version the client saw (RFC 9110 strong comparison). */
class TodoETagTest {

    @Test
    void theTagIsTheQuotedVersion() {
        assertEquals("\"7\"", TodoETag.of(7));
    }

    @Test
    void noHeaderOrAStarAllowsAnyVersion() {
        assertTrue(TodoETag.allows(null, 3));
        assertTrue(TodoETag.allows("  ", 3));
        assertTrue(TodoETag.allows(" * ", 3));
    }

    @Test
    void oneOfTheListedTagsMustBeTheCurrentVersion() {
        assertTrue(TodoETag.allows("\"3\"", 3));
        assertTrue(TodoETag.allows("\"1\", \"3\"", 3));
        assertFalse(TodoETag.allows("\"2\"", 3));
        assertFalse(TodoETag.allows("\"1\", \"2\"", 3));
    }

    @Test
    void weakOrUnquotedTagsNeverMatch() {
        assertFalse(TodoETag.allows("W/\"3\"", 3), "a weak tag cannot guard a write");
        assertFalse(TodoETag.allows("3", 3));
        assertFalse(TodoETag.allows("\"03\"", 3));
    }
}
