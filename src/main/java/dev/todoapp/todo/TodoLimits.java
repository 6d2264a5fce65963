package dev.todoapp.todo;

/**
 * The limits of a todo's fields, in characters (code points) as the database columns hold them. The
 * service checks them and the OpenAPI schema (rest/TodoFields) shows them, from these constants.
 */
public final class TodoLimits {

    public static final int TITLE_MAX = 255;
    public static final int DESCRIPTION_MAX = 5000;
    public static final int CATEGORY_MAX = 50;
    public static final int TAG_MAX = 30;
    public static final int TAGS_MAX = 20;
    /** Ids in one bulk request. */
    public static final int BULK_IDS_MAX = 1000;

    private TodoLimits() {
    }
}
