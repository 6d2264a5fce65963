package dev.todoapp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MailSenderTest {

    @Test
    void senderNamesCannotSmuggleAddresses() {
        assertEquals("Todo <no-reply@todo.example>", new MailSender("Todo", "no-reply@todo.example").formatted());
        assertEquals("\"Todo, Inc. <x@evil>\" <no-reply@todo.example>",
                new MailSender("Todo, Inc. <x@evil>", "no-reply@todo.example").formatted());
        assertEquals("no-reply@todo.example", new MailSender(" ", "no-reply@todo.example").formatted());
    }
}
