package dev.todoapp.todo.mail;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.service.UnsubscribeTokens;
import dev.todoapp.config.MailConfig;
import dev.todoapp.config.ReminderConfig;
import dev.todoapp.config.ServiceConfig;
import dev.todoapp.mail.OutgoingMail;
import dev.todoapp.todo.Todo;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/**
 * The todo feature's mails (templates/TodoMails/, HTML + text): the reminder and the daily digest.
 * Times are shown in the user's zone; links are built from the first FRONTEND_URL only; both carry a
 * one-click unsubscribe (RFC 8058) when the API's public origin is known (PUBLIC_API_URL, or SPACE_HOST on a Space).
 */
@ApplicationScoped
public class TodoMails {

    public static final String REMINDER = "reminder";
    public static final String DAILY_DIGEST = "daily_digest";
    /** The outbox's subject column holds 200 characters. */
    private static final int SUBJECT_MAX = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    /** One todo in the digest. */
    public record DigestLine(String title, String due, boolean overdue, String link) {
    }

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance reminder(String appName, String title, String due, String link, String settingsLink);

        static native MailTemplateInstance dailyDigest(String appName, String day, List<DigestLine> todos, String link,
                                                       String settingsLink);
    }

    private final MailConfig mail;
    private final ServiceConfig service;
    private final ReminderConfig reminders;
    private final UnsubscribeTokens unsubscribeTokens;

    public TodoMails(MailConfig mail, ServiceConfig service, ReminderConfig reminders, UnsubscribeTokens unsubscribeTokens) {
        this.mail = mail;
        this.service = service;
        this.reminders = reminders;
        this.unsubscribeTokens = unsubscribeTokens;
    }

    /** "Reminder: <title>", the due time in the user's zone, a link that opens the todo highlighted. */
    public OutgoingMail reminder(String to, UUID userId, ZoneId zone, Todo todo) {
        String due = todo.getDueAt() == null ? null : when(todo.getDueAt(), zone);
        return unsubscribable(OutgoingMail.rendered(REMINDER, to, subject("Reminder: " + todo.getTitle()),
                Templates.reminder(mail.appName(), todo.getTitle(), due, focusLink(todo.getId()), settingsLink())), userId);
    }

    /** The todos due on {@code day} and the overdue ones, earliest first. */
    public OutgoingMail dailyDigest(String to, UUID userId, ZoneId zone, LocalDate day, List<Todo> todos, Instant now) {
        List<DigestLine> lines = todos.stream().map(todo -> new DigestLine(todo.getTitle(), when(todo.getDueAt(), zone),
                todo.getDueAt().isBefore(now), focusLink(todo.getId()))).toList();
        String subject = lines.size() == 1 ? "1 todo for today" : lines.size() + " todos for today";
        return unsubscribable(OutgoingMail.rendered(DAILY_DIGEST, to, subject,
                Templates.dailyDigest(mail.appName(), DAY.format(day), lines, service.publicFrontendUrl() + "/todos",
                        settingsLink())), userId);
    }

    private OutgoingMail unsubscribable(OutgoingMail rendered, UUID userId) {
        return ReminderConfig.apiOrigin(reminders.publicApiUrl(), reminders.spaceHost()).map(api -> {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("List-Unsubscribe", "<" + api + "/api/unsubscribe?token="
                    + unsubscribeTokens.issue(userId) + ">");
            headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            return rendered.withHeaders(headers);
        }).orElse(rendered);
    }

    private String focusLink(UUID todoId) {
        return service.publicFrontendUrl() + "/todos?focus=" + todoId;
    }

    private String settingsLink() {
        return service.publicFrontendUrl() + "/account";
    }

    private static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String subject(String subject) {
        if (subject.length() <= SUBJECT_MAX) {
            return subject;
        }
        int cut = SUBJECT_MAX - 1;
        if (Character.isHighSurrogate(subject.charAt(cut - 1))) {
            cut--;
        }
        return subject.substring(0, cut) + "…";
    }
}
