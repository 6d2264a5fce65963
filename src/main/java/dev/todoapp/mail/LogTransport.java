package dev.todoapp.mail;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.todoapp.common.EmailAddress;
import dev.todoapp.config.MailConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * The zero-setup local default: prints the mail, link included, so the reset flow can be tried
 * without a mail server. Refused in production (ProductionSettings), where it would leak links.
 * The test profile withholds the body: the test run's logs are scanned for links and tokens.
 */
@ApplicationScoped
@Identifier("log")
public class LogTransport implements MailTransport {

    private static final Logger LOG = Logger.getLogger(LogTransport.class);

    private final boolean showBody;

    LogTransport(MailConfig config) {
        this.showBody = config.log().showBody();
    }

    @Override
    public Uni<Void> send(String id, MailSender from, OutgoingMail mail) {
        String to = showBody ? mail.to() : EmailAddress.masked(mail.to());
        String body = showBody ? mail.text() : "(body withheld: mail.log.show-body=false)";
        LOG.infof("MAIL_TRANSPORT=log, not sent: mail %s%nFrom: %s%nTo: %s%nSubject: %s%n%n%s",
                id, from.formatted(), to, mail.subject(), body);
        return Uni.createFrom().voidItem();
    }
}
