package dev.todoapp.account.mail;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.config.MailConfig;
import dev.todoapp.config.ServiceConfig;
import dev.todoapp.mail.OutgoingMail;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;

/**
 * The account's own mails, rendered from type-safe Qute templates in templates/AccountMails/ (HTML +
 * text) and handed to the generic outbox (mail/MailQueue) by the services that send them.
 */
@ApplicationScoped
public class AccountMails {

    public static final String PASSWORD_RESET = "password_reset";
    public static final String PASSWORD_CHANGED = "password_changed";
    public static final String VERIFY_EMAIL = "verify_email";
    public static final String ACCOUNT_EXISTS = "account_exists";
    public static final String EMAIL_CHANGE = "email_change";
    public static final String EMAIL_CHANGE_NOTICE = "email_change_notice";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance passwordReset(String appName, String link, String expiresIn);

        static native MailTemplateInstance passwordChanged(String appName, String email, String changedAt, String resetLink);

        static native MailTemplateInstance verifyEmail(String appName, String link, String expiresIn);

        static native MailTemplateInstance accountExists(String appName, String email, String signInLink, String resetLink);

        static native MailTemplateInstance emailChange(String appName, String newEmail, String link, String expiresIn);

        static native MailTemplateInstance emailChangeNotice(String appName, String email, String newEmail,
                                                             String requestedAt, String resetLink);
    }

    private final MailConfig mail;
    private final ServiceConfig service;

    public AccountMails(MailConfig mail, ServiceConfig service) {
        this.mail = mail;
        this.service = service;
    }

    /**
     * The link is built from the first FRONTEND_URL only, never from anything the request sent. The mail
     * is of use until the token expires at {@code issuedAt + ttl}: the outbox refuses to requeue it later.
     */
    public OutgoingMail passwordReset(String to, String token, OffsetDateTime issuedAt, Duration ttl) {
        String link = service.publicFrontendUrl() + "/reset-password?token=" + token;
        return OutgoingMail.rendered(PASSWORD_RESET, to, "Reset your password",
                Templates.passwordReset(mail.appName(), link, humanized(ttl))).validUntil(issuedAt.plus(ttl));
    }

    public OutgoingMail passwordChanged(String to, OffsetDateTime changedAt) {
        return OutgoingMail.rendered(PASSWORD_CHANGED, to, "Your password was changed",
                Templates.passwordChanged(mail.appName(), to, WHEN.format(changedAt), forgotLink()));
    }

    /** Verification and email-change links share one page: /verify-email; like a reset mail, of use until the link expires. */
    public OutgoingMail verifyEmail(String to, String token, OffsetDateTime issuedAt, Duration ttl) {
        return OutgoingMail.rendered(VERIFY_EMAIL, to, "Confirm your email address",
                Templates.verifyEmail(mail.appName(), verifyLink(token), humanized(ttl))).validUntil(issuedAt.plus(ttl));
    }

    public OutgoingMail accountExists(String to) {
        return OutgoingMail.rendered(ACCOUNT_EXISTS, to, "Someone tried to create an account with your address",
                Templates.accountExists(mail.appName(), to, service.publicFrontendUrl() + "/sign-in", forgotLink()));
    }

    public OutgoingMail emailChange(String newEmail, String token, OffsetDateTime issuedAt, Duration ttl) {
        return OutgoingMail.rendered(EMAIL_CHANGE, newEmail, "Confirm your new email address",
                Templates.emailChange(mail.appName(), newEmail, verifyLink(token), humanized(ttl))).validUntil(issuedAt.plus(ttl));
    }

    public OutgoingMail emailChangeNotice(String oldEmail, String newEmail, OffsetDateTime requestedAt) {
        return OutgoingMail.rendered(EMAIL_CHANGE_NOTICE, oldEmail, "Your email address is about to change",
                Templates.emailChangeNotice(mail.appName(), oldEmail, newEmail, WHEN.format(requestedAt), forgotLink()));
    }

    private String verifyLink(String token) {
        return service.publicFrontendUrl() + "/verify-email?token=" + token;
    }

    private String forgotLink() {
        return service.publicFrontendUrl() + "/forgot-password";
    }

    /** "1 hour", "30 minutes", "2 hours": the expiry notice follows the configured TTL. */
    static String humanized(Duration ttl) {
        if (ttl.toHours() > 0 && ttl.toMinutesPart() == 0 && ttl.toSecondsPart() == 0) {
            return plural(ttl.toHours(), "hour");
        }
        if (ttl.toMinutes() > 0 && ttl.toSecondsPart() == 0) {
            return plural(ttl.toMinutes(), "minute");
        }
        return plural(ttl.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
