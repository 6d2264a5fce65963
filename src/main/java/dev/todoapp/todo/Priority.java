package dev.todoapp.todo;

import java.util.Locale;

/** Stored as its ordinal (smallint 0..3), so sorting by priority orders none < low < medium < high. */
public enum Priority implements ApiNamed {
    NONE, LOW, MEDIUM, HIGH;

    @Override
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
