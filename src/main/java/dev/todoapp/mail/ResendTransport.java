package dev.todoapp.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.todoapp.config.MailConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/**
 * The HTTPS email API transport (Resend): port 443 only, so it works where SMTP ports are blocked,
 * e.g. on a Hugging Face Space.
 */
@ApplicationScoped
@Identifier("resend")
public class ResendTransport implements MailTransport {

    private final ResendApi api;
    private final String authorization;

    public ResendTransport(@RestClient ResendApi api, MailConfig config) {
        this.api = api;
        this.authorization = "Bearer " + config.apiKey().orElse("");
    }

    @Override
    public Uni<Void> send(String id, MailSender from, OutgoingMail mail) {
        // the outbox id as idempotency key: a retry after a lost answer does not send twice
        ResendApi.Email email = new ResendApi.Email(from.formatted(), List.of(mail.to()), mail.subject(), mail.html(), mail.text(),
                mail.headers());
        return api.send(authorization, id, email).onFailure().transform(MailDeliveryException::fromHttpApi);
    }
}
