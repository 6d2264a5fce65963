package dev.todoapp.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.todoapp.config.MailConfig;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;

/** The HTTPS email API transport for SendGrid v3: port 443 only, like {@link ResendTransport}. */
@ApplicationScoped
@Identifier("sendgrid")
public class SendGridTransport implements MailTransport {

    private final SendGridApi api;
    private final String authorization;

    public SendGridTransport(@RestClient SendGridApi api, MailConfig config) {
        this.api = api;
        this.authorization = "Bearer " + config.apiKey().orElse("");
    }

    @Override
    public Uni<Void> send(String id, MailSender from, OutgoingMail mail) {
        SendGridApi.Email email = new SendGridApi.Email(
                List.of(new SendGridApi.Personalization(List.of(new SendGridApi.Address(mail.to(), null)))),
                new SendGridApi.Address(from.email(), from.name()),
                mail.subject(),
                List.of(new SendGridApi.Content("text/plain", mail.text()), new SendGridApi.Content("text/html", mail.html())),
                mail.headers());
        return api.send(authorization, email).onFailure().transform(MailDeliveryException::fromHttpApi);
    }
}
