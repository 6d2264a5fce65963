package dev.todoapp.mail;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.SMTPException;

/** SMTP through Quarkus' reactive mailer (quarkus.mailer.*, mapped from SMTP_* by SmtpConfigSourceFactory). */
@ApplicationScoped
@Identifier("smtp")
public class SmtpTransport implements MailTransport {

    /** 5xx replies that are about our credentials or the server, not this mail: worth retrying. */
    private static final Set<Integer> RETRYABLE_5XX = Set.of(530, 534, 535, 538);

    private final ReactiveMailer mailer;

    public SmtpTransport(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Uni<Void> send(String id, MailSender from, OutgoingMail mail) {
        // html + text: the mailer builds multipart/alternative
        Mail message = Mail.withHtml(mail.to(), mail.subject(), mail.html()).setText(mail.text()).setFrom(from.formatted());
        mail.headers().forEach(message::addHeader);
        return mailer.send(message).onFailure().transform(SmtpTransport::classified);
    }

    static Throwable classified(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                int code = smtp.getReplyCode();
                return new MailDeliveryException("SMTP " + code, code >= 500 && !RETRYABLE_5XX.contains(code), failure);
            }
        }
        return MailDeliveryException.of(failure);
    }
}
