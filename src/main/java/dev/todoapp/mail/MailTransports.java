package dev.todoapp.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.todoapp.config.MailConfig;
import dev.todoapp.config.ServiceConfig;
import io.smallrye.common.annotation.Identifier;

/** Picks the transport named by MAIL_TRANSPORT; only that one is ever created. */
@ApplicationScoped
public class MailTransports {

    @Produces
    @ApplicationScoped
    MailTransport selected(MailConfig config, ServiceConfig service, @Any Instance<MailTransport> transports) {
        String name = MailConfig.transportOrDefault(config.transport(), service.production());
        Instance<MailTransport> match = transports.select(Identifier.Literal.of(name));
        if (!match.isResolvable()) {
            throw new IllegalStateException("MAIL_TRANSPORT must be one of " + MailConfig.TRANSPORTS);
        }
        return match.get();
    }
}
