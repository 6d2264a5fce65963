package dev.todoapp.mail;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * A rendered mail: what every transport sends. {@code kind} names the template, for logs and health;
 * {@code validUntil} (null: never) is when the content stops being of use, e.g. a reset link's expiry,
 * so an operator cannot requeue it after that.
 */
public record OutgoingMail(String kind, String to, String subject, String html, String text, OffsetDateTime validUntil) {

    public OutgoingMail(String kind, String to, String subject, String html, String text) {
        this(kind, to, subject, html, text, null);
    }

    public OutgoingMail validUntil(OffsetDateTime until) {
        return new OutgoingMail(kind, to, subject, html, text, until);
    }

    /** Renders both variants of a feature's checked template (templates/&lt;Class&gt;/name.html and .txt). */
    public static OutgoingMail rendered(String kind, String to, String subject, MailTemplateInstance template) {
        TemplateInstance instance = template.templateInstance();
        return new OutgoingMail(kind, to, subject, variant(instance, Variant.TEXT_HTML), variant(instance, Variant.TEXT_PLAIN));
    }

    @SuppressWarnings("unchecked")
    private static String variant(TemplateInstance instance, String contentType) {
        Variant variant = ((List<Variant>) instance.getAttribute(TemplateInstance.VARIANTS)).stream()
                .filter(v -> v.getContentType().equals(contentType))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + contentType + " variant of a mail template"));
        return instance.setAttribute(TemplateInstance.SELECTED_VARIANT, variant).render();
    }
}
