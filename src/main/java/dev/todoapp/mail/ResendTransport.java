package dev.todoapp.mail;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

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
    public Uni<Void> send(String id, String from, OutgoingMail mail) {
        // the outbox id as idempotency key: a retry after a lost answer does not send twice
        return api.send(authorization, id, new ResendApi.Email(from, List.of(mail.to()), mail.subject(), mail.html(), mail.text()))
                .onFailure().transform(ResendTransport::classified);
    }

    /** 408, 429 and 5xx are the provider's hiccups; any other 4xx will not get better by retrying. */
    private static Throwable classified(Throwable failure) {
        if (failure instanceof WebApplicationException web && web.getResponse() != null) {
            int status = web.getResponse().getStatus();
            boolean retryable = status == 408 || status == 429 || status >= 500;
            return new MailDeliveryException("HTTP " + status, !retryable, failure);
        }
        return MailDeliveryException.of(failure);
    }
}
