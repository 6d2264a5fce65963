package dev.todoapp.mail;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.Variant;

/**
 * A rendered mail: what every transport sends. {@code kind} names the template, for logs and health;
 * {@code headers} are extra header fields (e.g. List-Unsubscribe), single-line values only;
 * {@code validUntil} (null: never) is when the content stops being of use, e.g. a reset link's expiry,
 * so an operator cannot requeue it after that.
 */
public record OutgoingMail(String kind, String to, String subject, String html, String text, Map<String, String> headers,
                           OffsetDateTime validUntil) {

    public OutgoingMail {
        headers = Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]{1,64}") || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("Not a single-line mail header: " + name);
            }
        });
    }

    public OutgoingMail(String kind, String to, String subject, String html, String text) {
        this(kind, to, subject, html, text, Map.of(), null);
    }

    /** The same mail with these extra header fields. */
    public OutgoingMail withHeaders(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return new OutgoingMail(kind, to, subject, html, text, all, validUntil);
    }

    public OutgoingMail validUntil(OffsetDateTime until) {
        return new OutgoingMail(kind, to, subject, html, text, headers, until);
    }

    /** Headers as the outbox stores them: one "Name: value" per line. */
    String storedHeaders() {
        return headers.isEmpty() ? null : headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue()).collect(Collectors.joining("\n"));
    }

    static Map<String, String> headersOf(String stored) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (stored != null) {
            stored.lines().forEach(line -> {
                int colon = line.indexOf(": ");
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            });
        }
        return headers;
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
