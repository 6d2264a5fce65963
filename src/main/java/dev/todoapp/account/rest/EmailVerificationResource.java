package dev.todoapp.account.rest;

import static dev.todoapp.http.Requests.body;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.todoapp.account.CurrentUser;
import dev.todoapp.account.rest.AuthDtos.AcceptedResponse;
import dev.todoapp.account.rest.AuthDtos.ChangeEmailRequest;
import dev.todoapp.account.rest.AuthDtos.ResendVerificationRequest;
import dev.todoapp.account.rest.AuthDtos.TokensResponse;
import dev.todoapp.account.rest.AuthDtos.VerifyEmailRequest;
import dev.todoapp.account.service.EmailVerificationService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

// its JAX-RS annotations are read at run time too, for the Allow header of a 405 (http/AllowedMethods)
@RegisterForReflection
@Path("/api/auth/email")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EmailVerificationResource {

    /** One answer for every address, so it tells nobody whether an account exists or waits for verification. */
    static final AcceptedResponse RESEND_ANSWER = new AcceptedResponse(
            "If this address is waiting for verification, we have sent a new link.");
    static final AcceptedResponse CHANGE_ANSWER = new AcceptedResponse(
            "We have sent a link to the new address; your address changes once it is used.");

    private final EmailVerificationService verification;
    private final AuthRateLimits limits;
    private final CurrentUser currentUser;

    public EmailVerificationResource(EmailVerificationService verification, AuthRateLimits limits, CurrentUser currentUser) {
        this.verification = verification;
        this.limits = limits;
        this.currentUser = currentUser;
    }

    /** Verification and email-change links both end here; either way the holder is signed in. */
    @POST
    @Path("/verify")
    public Uni<TokensResponse> verify(VerifyEmailRequest request, HttpServerRequest http) {
        VerifyEmailRequest r = body(request);
        limits.reset(http);
        return verification.verify(r.token()).map(TokensResponse::of);
    }

    @POST
    @Path("/resend")
    public Uni<RestResponse<AcceptedResponse>> resend(@Valid ResendVerificationRequest request, HttpServerRequest http) {
        String email = body(request).email();
        return limits.resend(http, email).flatMap(ignored -> verification.resend(email))
                .map(ignored -> RestResponse.status(RestResponse.Status.ACCEPTED, RESEND_ANSWER));
    }

    @POST
    @Path("/change")
    @Authenticated
    public Uni<RestResponse<AcceptedResponse>> change(@Valid ChangeEmailRequest request) {
        ChangeEmailRequest r = body(request);
        return limits.emailChange(currentUser.id())
                .flatMap(ignored -> verification.requestChange(currentUser.id(), r.newEmail(), r.password()))
                .map(ignored -> RestResponse.status(RestResponse.Status.ACCEPTED, CHANGE_ANSWER));
    }
}
