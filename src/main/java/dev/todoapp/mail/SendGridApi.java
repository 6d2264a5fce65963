package dev.todoapp.mail;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.smallrye.mutiny.Uni;

/** SendGrid v3 mail send (https://www.twilio.com/docs/sendgrid/api-reference/mail-send); base URL: MAIL_API_URL. */
@RegisterRestClient(configKey = "sendgrid")
@Path("/v3/mail/send")
public interface SendGridApi {

    record Address(String email, String name) {
    }

    record Personalization(List<Address> to) {
    }

    /** SendGrid wants text/plain before text/html. */
    record Content(String type, String value) {
    }

    record Email(List<Personalization> personalizations, Address from, String subject, List<Content> content,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers) {
    }

    /** Answers 202; any other status fails with a WebApplicationException. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> send(@HeaderParam("Authorization") String authorization, Email email);
}
