package dev.todoapp.mail;

import io.smallrye.mutiny.Uni;

/**
 * One way out for mail, chosen by MAIL_TRANSPORT. Implementations carry {@code @Identifier(name)} and
 * fail with {@link MailDeliveryException} so the dispatcher knows whether to retry.
 */
public interface MailTransport {

    /** {@code id} is stable across retries of one mail (an idempotency key for APIs that take one). */
    Uni<Void> send(String id, MailSender from, OutgoingMail mail);
}
