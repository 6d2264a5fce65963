package dev.todoapp.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestAccounts.Account;
import dev.todoapp.support.TestClock;
import dev.todoapp.support.TestDatabase;
import dev.todoapp.todo.service.ReminderService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Reminder and digest mails end to end through a real SMTP server (GreenMail), with the service's
 * clock moved instead of waiting: content, links and headers, one-click unsubscribe, the cases that
 * send nothing, catching up after downtime, two instances at once, and the digest around a DST change.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@TestProfile(ReminderProfile.class)
class ReminderSmtpTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    @Inject
    ReminderService reminders;

    @BeforeEach
    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    private static RequestSpecification as(Account account) {
        return given().header("Authorization", account.bearer()).contentType(ContentType.JSON);
    }

    private static Account user(String timeZone) {
        Account account = TestAccounts.signUp();
        as(account).body(Map.of("timeZone", timeZone)).patch("/api/auth/me").then().statusCode(200)
                .body("timeZone", equalTo(timeZone));
        return account;
    }

    private static String todo(Account account, Map<String, ?> fields) {
        return as(account).body(fields).post("/api/todos").then().statusCode(201).extract().path("id");
    }

    private static String inAMinute() {
        return Instant.now().plus(1, ChronoUnit.MINUTES).toString();
    }

    private static List<MimeMessage> mails(String address, int count) {
        return GreenMailResource.awaitMails(address, count, MAIL_WAIT);
    }

    private static long reminderRows(String address) {
        return TestDatabase.rows("select id from mail_outbox where kind = 'reminder' and recipient = ?", address).size();
    }

    private void runScheduler() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueReminders());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private void runDigest() {
        try {
            VertxContextSupport.subscribeAndAwait(() -> reminders.sendDueDigests());
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aReminderArrivesByItselfWithTheDueTimeInTheUsersZoneAndALinkToTheTodo() throws Exception {
        Account account = user("Europe/Berlin");
        String remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MICROS).toString();
        String id = todo(account, Map.of("title", "Call <Ada> & Co", "dueAt", "2027-01-15T17:30:00Z", "remindAt", remindAt));

        // no clock games: the scheduler's own timer finds it
        List<MimeMessage> received = mails(account.email(), 1);
        assertEquals(1, received.size(), "the reminder arrived");
        MimeMessage mail = received.get(0);
        assertEquals("Reminder: Call <Ada> & Co", mail.getSubject());
        String text = Mails.part(mail, "text/plain");
        String html = Mails.part(mail, "text/html");
        assertTrue(text.contains("Due Fri 15 Jan 2027, 18:30 (Europe/Berlin)"), text);
        assertTrue(html.contains("Due Fri 15 Jan 2027, 18:30 (Europe/Berlin)"), html);
        String link = "https://app.todo.test/todos?focus=" + id;
        assertTrue(text.contains(link), text);
        assertTrue(html.contains("href=\"" + link + "\""), html);
        assertTrue(html.contains("Call &lt;Ada&gt; &amp; Co"), "the title is escaped in HTML");
        assertTrue(html.contains("max-width:600px"), html);
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post")[0]);
        String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
        assertTrue(unsubscribe.startsWith("<" + ReminderProfile.PUBLIC_API_URL + "/api/unsubscribe?token="), "an HTTPS URL");

        as(account).get("/api/todos/" + id).then().statusCode(200).body("remindAt", equalTo(remindAt))
                .body("version", equalTo(0));
        runScheduler();
        assertEquals(1, reminderRows(account.email()), "exactly one mail for one remindAt");
        assertEquals(1, mails(account.email(), 1).size());
    }

    @Test
    void oneClickUnsubscribeTurnsRemindersAndTheDigestOff() throws Exception {
        Account account = user("UTC");
        as(account).body(Map.of("dailyDigest", true)).patch("/api/auth/me").then().statusCode(200)
                .body("dailyDigest", equalTo(true)).body("emailReminders", equalTo(true));
        todo(account, Map.of("title", "first", "remindAt", inAMinute()));
        TestClock.shiftBy(Duration.ofMinutes(2));
        runScheduler();
        MimeMessage mail = mails(account.email(), 1).get(0);
        String header = mail.getHeader("List-Unsubscribe")[0];
        URI target = URI.create(header.substring(1, header.length() - 1));

        // what a mail client does (RFC 8058): a form POST without any session
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .post(target.getPath() + "?" + target.getRawQuery()).then().statusCode(204);
        as(account).get("/api/auth/me").then().statusCode(200)
                .body("emailReminders", equalTo(false)).body("dailyDigest", equalTo(false));

        todo(account, Map.of("title", "second", "remindAt", Instant.now().plus(3, ChronoUnit.MINUTES).toString()));
        TestClock.shiftBy(Duration.ofMinutes(4));
        runScheduler();
        assertEquals(1, reminderRows(account.email()), "no reminder once reminders are off");

        given().post("/api/unsubscribe?token=not-a-token").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("invalid_unsubscribe_token"));
        String forged = target.getRawQuery().substring("token=".length());
        forged = forged.substring(0, 30) + (forged.charAt(30) == 'A' ? 'B' : 'A') + forged.substring(31);
        given().post("/api/unsubscribe?token=" + forged).then().statusCode(400).body("code", equalTo("invalid_unsubscribe_token"));
        given().post("/api/unsubscribe").then().statusCode(400).body("code", equalTo("invalid_unsubscribe_token"));
    }

    @Test
    void noReminderForACompletedOrDeletedTodoOrWhenRemindersAreOff() {
        Account account = user("UTC");
        String completed = todo(account, Map.of("title", "done already", "remindAt", inAMinute()));
        as(account).post("/api/todos/" + completed + "/toggle").then().statusCode(200);
        String deleted = todo(account, Map.of("title", "deleted", "remindAt", inAMinute()));
        as(account).delete("/api/todos/" + deleted).then().statusCode(204);
        Account quiet = user("UTC");
        as(quiet).body(Map.of("emailReminders", false)).patch("/api/auth/me").then().statusCode(200);
        String off = todo(quiet, Map.of("title", "reminders off", "remindAt", inAMinute()));

        TestClock.shiftBy(Duration.ofMinutes(2));
        runScheduler();
        assertEquals(0, reminderRows(account.email()));
        assertEquals(0, reminderRows(quiet.email()));
        // handled, so turning reminders on later does not send a stale one
        assertNotNull(TestDatabase.rows("select reminder_handled_at from todo where id = ?", UUID.fromString(off))
                .get(0).get("reminder_handled_at"));
        assertNotNull(TestDatabase.rows("select reminder_handled_at from todo where id = ?", UUID.fromString(completed))
                .get(0).get("reminder_handled_at"));
    }

    @Test
    void afterDowntimeARemindersLessThanADayLateGoesOutAndOlderOnesAreSkipped() {
        Account account = user("UTC");
        todo(account, Map.of("title", "late but useful", "remindAt", Instant.now().plus(10, ChronoUnit.HOURS).toString()));
        todo(account, Map.of("title", "too late", "remindAt", inAMinute()));

        // the service was down for a day and a bit: the first is 23 h late, the second 25 h
        TestClock.shiftBy(Duration.ofHours(33).plusMinutes(1));
        runScheduler();
        List<MimeMessage> received = mails(account.email(), 1);
        assertEquals(1, received.size());
        assertEquals("Reminder: late but useful", subject(received.get(0)));
        assertEquals(1, reminderRows(account.email()));
        assertEquals(2, TestDatabase.rows("select t.id from todo t join app_user u on u.id = t.user_id where u.email = ?"
                + " and reminder_handled_at is not null", account.email()).size(), "both handled, one skipped");
    }

    @Test
    void aNewRemindAtIsANewReminder() {
        Account account = user("UTC");
        String id = todo(account, Map.of("title", "twice", "remindAt", inAMinute()));
        TestClock.shiftBy(Duration.ofMinutes(2));
        runScheduler();
        assertEquals(1, mails(account.email(), 1).size());
        as(account).body(Map.of("remindAt", Instant.now().plus(1, ChronoUnit.HOURS).toString()))
                .patch("/api/todos/" + id).then().statusCode(200);
        TestClock.shiftBy(Duration.ofMinutes(61));
        runScheduler();
        assertEquals(2, mails(account.email(), 2).size());
        assertEquals(2, reminderRows(account.email()));
    }

    @Test
    void twoSchedulersAtOnceSendEveryReminderExactlyOnce() throws Exception {
        Account account = user("UTC");
        int count = 23;
        for (int i = 0; i < count; i++) {
            todo(account, Map.of("title", "reminder " + i, "remindAt", inAMinute()));
        }
        TestClock.shiftBy(Duration.ofMinutes(2));
        // two instances: two independent transactions claiming from the same table at the same moment
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = List.of(
                    instances.submit(() -> { start.await(); runScheduler(); return null; }),
                    instances.submit(() -> { start.await(); runScheduler(); return null; }));
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdownNow();
        }
        assertEquals(count, reminderRows(account.email()), "one outbox row per reminder");
        List<MimeMessage> received = mails(account.email(), count);
        Set<String> subjects = new HashSet<>();
        received.forEach(mail -> subjects.add(subject(mail)));
        assertEquals(count, received.size());
        assertEquals(count, subjects.size(), "no reminder twice");
    }

    @Test
    void aBacklogAfterDowntimeGoesOutInPacedBatches() {
        Account account = user("UTC");
        int count = 20;
        for (int i = 0; i < count; i++) {
            todo(account, Map.of("title", "backlog " + i, "remindAt", inAMinute()));
        }
        TestClock.shiftBy(Duration.ofMinutes(30));
        runScheduler();
        assertEquals(count, mails(account.email(), count).size(), "every reminder of the backlog sent");
        // 4 full batches of 5, shared by at most two runners (this one and the poll): each runner rests between
        // its batches, so the outbox rows span at least one pause instead of the few milliseconds of one run
        List<Map<String, Object>> span = TestDatabase.rows("select extract(epoch from max(created_at) - min(created_at))"
                + " * 1000 as millis from mail_outbox where kind = 'reminder' and recipient = ?", account.email());
        double millis = ((Number) span.get(0).get("millis")).doubleValue();
        assertTrue(millis >= ReminderProfile.BATCH_PAUSE.toMillis() * 0.9, "backlog queued over " + millis + " ms");
    }

    @Test
    void aReminderLockedByAnotherInstanceIsSkippedNotWaitedFor() throws Exception {
        Account account = user("UTC");
        String busy = todo(account, Map.of("title", "held by another instance", "remindAt", inAMinute()));
        todo(account, Map.of("title", "free", "remindAt", inAMinute()));
        TestClock.shiftBy(Duration.ofMinutes(2));
        try (Connection other = TestDatabase.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select id from todo where id = ? for update")) {
                lock.setObject(1, UUID.fromString(busy));
                lock.executeQuery();
            }
            runScheduler();
            assertEquals(1, reminderRows(account.email()), "the free one went; the locked one was skipped, not waited for");
            assertNull(TestDatabase.rows("select reminder_handled_at from todo where id = ?", UUID.fromString(busy))
                    .get(0).get("reminder_handled_at"));
            other.rollback();
        }
        runScheduler();
        assertEquals(2, reminderRows(account.email()));
    }

    @Test
    void theDailyDigestGoesOutAt0800InTheUsersZoneOnBothSidesOfADstChange() throws Exception {
        Account account = user("Europe/Berlin");
        as(account).body(Map.of("dailyDigest", true)).patch("/api/auth/me").then().statusCode(200);
        todo(account, Map.of("title", "overdue thing", "dueAt", "2027-03-26T10:00:00Z"));
        todo(account, Map.of("title", "due on Saturday", "dueAt", "2027-03-27T15:00:00Z"));
        todo(account, Map.of("title", "due on Sunday", "dueAt", "2027-03-28T15:00:00Z"));
        todo(account, Map.of("title", "later", "dueAt", "2027-04-10T15:00:00Z"));

        // Saturday 27 March 2027, CET (UTC+1): 08:00 is 07:00Z
        TestClock.stopAt(ZonedDateTime.parse("2027-03-27T06:59:00Z").toInstant());
        runDigest();
        assertEquals(0, digestRows(account.email()), "07:59 in Berlin");
        TestClock.stopAt(ZonedDateTime.parse("2027-03-27T07:00:00Z").toInstant());
        runDigest();
        runDigest();
        assertEquals(1, digestRows(account.email()), "08:00 in Berlin, once");
        MimeMessage saturday = mails(account.email(), 1).get(0);
        String text = Mails.part(saturday, "text/plain");
        assertTrue(text.contains("overdue thing (overdue since Fri 26 Mar 2027, 11:00 (Europe/Berlin))"), text);
        assertTrue(text.contains("due on Saturday (due Sat 27 Mar 2027, 16:00 (Europe/Berlin))"), text);
        assertTrue(!text.contains("due on Sunday") && !text.contains("later"), text);
        assertTrue(Mails.part(saturday, "text/html").contains("max-width:600px"));
        assertNotNull(saturday.getHeader("List-Unsubscribe"));

        // Sunday 28 March 2027: clocks go forward at 02:00, CEST (UTC+2): 08:00 is 06:00Z
        TestClock.stopAt(ZonedDateTime.parse("2027-03-28T05:59:00Z").toInstant());
        runDigest();
        assertEquals(1, digestRows(account.email()), "07:59 in Berlin on the DST day");
        TestClock.stopAt(ZonedDateTime.parse("2027-03-28T06:00:00Z").toInstant());
        runDigest();
        assertEquals(2, digestRows(account.email()), "08:00 in Berlin on the DST day");
        assertTrue(Mails.part(mails(account.email(), 2).get(1), "text/plain").contains("due on Sunday"));
    }

    @Test
    void noDigestWhenNothingIsDue() {
        Account account = user("America/New_York");
        as(account).body(Map.of("dailyDigest", true)).patch("/api/auth/me").then().statusCode(200);
        todo(account, Map.of("title", "next week", "dueAt", "2027-06-20T15:00:00Z"));
        todo(account, Map.of("title", "no date"));
        TestClock.stopAt(ZonedDateTime.parse("2027-06-10T13:00:00Z").toInstant());
        runDigest();
        assertEquals(0, digestRows(account.email()));
        assertEquals(1, TestDatabase.rows("select digest_sent_on from app_user where email = ? and digest_sent_on = date '2027-06-10'",
                account.email()).size(), "checked for that day, not again");
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static long digestRows(String address) {
        return TestDatabase.rows("select id from mail_outbox where kind = 'daily_digest' and recipient = ?", address).size();
    }
}
