package dev.todoapp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Where the one-click unsubscribe link of reminder mails points. */
class ReminderConfigTest {

    @Test
    void theConfiguredPublicUrlWinsWithoutItsTrailingSlash() {
        assertEquals(Optional.of("https://api.todo.example"),
                ReminderConfig.apiOrigin(Optional.of("https://api.todo.example/"), Optional.of("me-todo.hf.space")));
    }

    @Test
    void onAHuggingFaceSpaceTheSpacesOwnHttpsOriginIsUsed() {
        assertEquals(Optional.of("https://me-todo.hf.space"),
                ReminderConfig.apiOrigin(Optional.empty(), Optional.of("me-todo.hf.space")));
    }

    @Test
    void elsewhereWithoutAPublicUrlThereIsNone() {
        assertEquals(Optional.empty(), ReminderConfig.apiOrigin(Optional.empty(), Optional.empty()));
    }
}
