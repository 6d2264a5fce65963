package dev.todoapp.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * The zero-setup local default: prints the mail, link included, so the reset flow can be tried
 * without a mail server. Refused in production (ProductionSettings), where it would leak links.
 */
@ApplicationScoped
@Identifier("log")
public class LogTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(LogTransport.class);

    @Override
    public Uni<Void> send(String id, MailSender from, OutgoingMail mail) {
        LOG.infof("MAIL_TRANSPORT=log, not sent: mail %s%nFrom: %s%nTo: %s%nSubject: %s%n%n%s",
                id, from.formatted(), mail.to(), mail.subject(), mail.text());
        return Uni.createFrom().voidItem();
    }
}
