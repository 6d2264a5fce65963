package dev.todoapp.account.rest;

import static dev.todoapp.http.Requests.body;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.todoapp.account.rest.AuthDtos.ForgotPasswordRequest;
import dev.todoapp.account.rest.AuthDtos.ForgotPasswordResponse;
import dev.todoapp.account.rest.AuthDtos.ResetPasswordRequest;
import dev.todoapp.account.rest.AuthDtos.VerifyResetTokenRequest;
import dev.todoapp.account.rest.AuthDtos.VerifyResetTokenResponse;
import dev.todoapp.account.service.PasswordResetService;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

// its JAX-RS annotations are read at run time too, for the Allow header of a 405 (http/AllowedMethods)
@RegisterForReflection
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    /** One answer for every address, so it tells nobody whether an account exists. */
    static final ForgotPasswordResponse FORGOT_ANSWER = new ForgotPasswordResponse(
            "If an account exists for this address, we have sent a link to reset its password.");

    private final PasswordResetService resets;
    private final AuthRateLimits limits;

    public PasswordResetResource(PasswordResetService resets, AuthRateLimits limits) {
        this.resets = resets;
        this.limits = limits;
    }

    @POST
    @Path("/password/forgot")
    public Uni<RestResponse<ForgotPasswordResponse>> forgot(@Valid ForgotPasswordRequest request, HttpServerRequest http) {
        String email = body(request).email();
        return limits.forgot(http, email).flatMap(ignored -> resets.forgot(email))
                .map(ignored -> RestResponse.status(RestResponse.Status.ACCEPTED, FORGOT_ANSWER));
    }

    @POST
    @Path("/password/reset/verify")
    public Uni<VerifyResetTokenResponse> verify(VerifyResetTokenRequest request, HttpServerRequest http) {
        VerifyResetTokenRequest r = body(request);
        limits.reset(http);
        return resets.verify(r.token())
                .map(expiresAt -> new VerifyResetTokenResponse(true, expiresAt));
    }

    @POST
    @Path("/password/reset")
    public Uni<RestResponse<Void>> reset(@Valid ResetPasswordRequest request, HttpServerRequest http) {
        ResetPasswordRequest r = body(request);
        limits.reset(http);
        return resets.reset(r.token(), r.newPassword()).map(ignored -> RestResponse.noContent());
    }
}
