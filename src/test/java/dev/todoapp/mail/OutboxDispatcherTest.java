package dev.todoapp.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.todoapp.config.MailConfig;
import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/** The outbox outlives the instance that wrote it, and several dispatchers never send a mail twice. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(DispatcherOffProfile.class)
class OutboxDispatcherTest {

    @Inject
    MailOutboxRepository outbox;
    @Inject
    MailTransport transport;
    @Inject
    MailCrypto crypto;
    @Inject
    MailConfig config;
    @Inject
    MailMetrics metrics;
    @Inject
    Tracer tracer;
    @Inject
    Vertx vertx;

    /** A dispatcher as a freshly started instance has it: same database, nothing in memory. */
    private MailDispatcher freshDispatcher() {
        return new MailDispatcher(outbox, transport, crypto, config, metrics, tracer, vertx);
    }

    @Test
    void pendingMailOfAStoppedInstanceIsSentByTheNextOne() {
        String email = TestAccounts.signUp().email();
        // the sign-up's verification mail leaves first (no dispatcher runs by itself here), so the
        // only pending row is the reset mail
        freshDispatcher().drain().await().atMost(Duration.ofSeconds(30));
        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "pending".equals(row.get("status")));
        assertEquals(0, GreenMailResource.awaitMails(email, 1, Duration.ofMillis(500)).size(), "this instance never sends");

        freshDispatcher().drain().await().atMost(Duration.ofSeconds(30));

        MimeMessage mail = PasswordResetSmtpTest.onlyMail(email, 1);
        String token = Mails.resetToken(Mails.part(mail, "text/plain"));
        PasswordResetSmtpTest.json().body(Map.of("token", token)).post("/api/auth/password/reset/verify").then().statusCode(200);
        assertEquals("sent", PasswordResetSmtpTest.outbox(email).get(0).get("status"));
    }

    @Test
    void aLapsedLeaseOfACrashedSenderIsPickedUpAgain() {
        String email = TestAccounts.signUp().email();
        // the sign-up's verification mail leaves first (no dispatcher runs by itself here), so the
        // only pending row is the reset mail
        freshDispatcher().drain().await().atMost(Duration.ofSeconds(30));
        PasswordResetSmtpTest.forgot(email).then().statusCode(202);
        PasswordResetSmtpTest.awaitOutbox(email, row -> "pending".equals(row.get("status")));
        // as if a sender claimed it (attempt 1, lease running) and died before recording the outcome
        TestDatabase.update("update mail_outbox set attempts = 1, next_attempt_at = now() + interval '1 hour'"
                + " where recipient = ? and kind = 'password_reset'", email);
        assertEquals(0, freshDispatcher().drain().await().atMost(Duration.ofSeconds(30)), "a live lease is respected");
        TestDatabase.update("update mail_outbox set next_attempt_at = now() - interval '1 second'"
                + " where recipient = ? and kind = 'password_reset'", email);
        assertEquals(1, freshDispatcher().drain().await().atMost(Duration.ofSeconds(30)));
        PasswordResetSmtpTest.onlyMail(email, 1);
        assertEquals(2, PasswordResetSmtpTest.outbox(email).get(0).get("attempts"));
    }

    @Test
    void twoDispatchersOnOneDatabaseSendEachMailOnce() {
        int count = 40;
        String batch = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            insertPending("bulk" + i + "-" + batch + "@example.com");
        }
        MailDispatcher first = freshDispatcher();
        MailDispatcher second = freshDispatcher();
        // both drain at once, repeatedly, as two instances nudged by their own requests would
        for (int round = 0; round < 3; round++) {
            Uni.combine().all().unis(first.drain(), second.drain()).asTuple().await().atMost(Duration.ofSeconds(60));
        }

        Map<String, Long> received = GreenMailResource.received().stream()
                .map(OutboxDispatcherTest::recipient)
                .filter(to -> to.endsWith("-" + batch + "@example.com"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(count, received.size(), "every mail arrived");
        assertTrue(received.values().stream().allMatch(n -> n == 1), "no mail twice: " + received);
        assertEquals(count, first.sentCount() + second.sentCount());
        assertTrue(first.sentCount() > 0 && second.sentCount() > 0,
                "both took part: " + first.sentCount() + " / " + second.sentCount());
        List<Map<String, Object>> rows = TestDatabase.rows(
                "select status, attempts from mail_outbox where recipient like ?", "%-" + batch + "@example.com");
        assertTrue(rows.stream().allMatch(r -> "sent".equals(r.get("status")) && ((Number) r.get("attempts")).intValue() == 1), rows.toString());
    }

    @Test
    void oldSentAndDeadRowsArePurgedRecentOnesKept() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        for (String[] row : new String[][] {{"sent", "8 days"}, {"sent", "1 day"}, {"dead", "31 days"}, {"dead", "8 days"}}) {
            String recipient = row[0] + "-" + row[1].replace(' ', '-') + "-" + batch + "@example.com";
            insertPending(recipient);
            TestDatabase.update("update mail_outbox set status = ?, payload = null, updated_at = now() - cast(? as interval)"
                    + " where recipient = ?", row[0], row[1], recipient);
        }
        freshDispatcher().purgeOld().await().atMost(Duration.ofSeconds(30));
        List<Object> left = TestDatabase.rows("select recipient from mail_outbox where recipient like ? order by recipient",
                "%-" + batch + "@example.com").stream().map(r -> r.get("recipient")).toList();
        assertEquals(List.of("dead-8-days-" + batch + "@example.com", "sent-1-day-" + batch + "@example.com"), left);
    }

    /** What MailQueue.enqueue writes, written directly so the test needs no user accounts. */
    private void insertPending(String recipient) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        TestDatabase.update("insert into mail_outbox (id, kind, recipient, subject, payload, status, attempts, next_attempt_at,"
                        + " created_at, updated_at) values (?, 'test', ?, 'Bulk', ?, 'pending', 0, ?, ?, ?)",
                id, recipient, crypto.seal(id, "<p>bulk</p>", "bulk"), now, now, now);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
