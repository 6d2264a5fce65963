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

/** Resend's send endpoint (https://resend.com/docs/api-reference/emails/send-email); base URL: MAIL_API_URL. */
@RegisterRestClient(configKey = "resend")
@Path("/emails")
public interface ResendApi {

    record Email(String from, List<String> to, String subject, String html, String text,
                 @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> headers) {
    }

    /** Answers 200 with the email id; any other status fails with a WebApplicationException. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> send(@HeaderParam("Authorization") String authorization,
                   @HeaderParam("Idempotency-Key") String idempotencyKey,
                   Email email);
}
