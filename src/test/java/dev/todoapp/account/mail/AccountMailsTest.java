package dev.todoapp.account.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class AccountMailsTest {

    @Test
    void expiryNoticeFollowsTheTtl() {
        assertEquals("1 hour", AccountMails.humanized(Duration.ofHours(1)));
        assertEquals("2 hours", AccountMails.humanized(Duration.ofHours(2)));
        assertEquals("30 minutes", AccountMails.humanized(Duration.ofMinutes(30)));
        assertEquals("90 minutes", AccountMails.humanized(Duration.ofMinutes(90)));
        assertEquals("1 minute", AccountMails.humanized(Duration.ofMinutes(1)));
        assertEquals("2 seconds", AccountMails.humanized(Duration.ofSeconds(2)));
    }
}
