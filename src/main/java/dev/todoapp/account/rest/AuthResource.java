package dev.todoapp.account.rest;

import static dev.todoapp.http.Requests.body;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.todoapp.account.CurrentUser;
import dev.todoapp.account.rest.AuthDtos.AcceptedResponse;
import dev.todoapp.account.rest.AuthDtos.ChangePasswordRequest;
import dev.todoapp.account.rest.AuthDtos.DeleteAccountRequest;
import dev.todoapp.account.rest.AuthDtos.LoginRequest;
import dev.todoapp.account.rest.AuthDtos.RefreshRequest;
import dev.todoapp.account.rest.AuthDtos.RegisterRequest;
import dev.todoapp.account.rest.AuthDtos.TokensResponse;
import dev.todoapp.account.rest.AuthDtos.UpdateProfileRequest;
import dev.todoapp.account.rest.AuthDtos.UserResponse;
import dev.todoapp.account.service.AccountService;
import dev.todoapp.account.service.EmailVerificationService;
import dev.todoapp.account.service.ProfileChanges;
import dev.todoapp.account.service.SessionService;
import io.quarkus.security.Authenticated;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

// its JAX-RS annotations are read at run time too, for the Allow header of a 405 (http/AllowedMethods)
@RegisterForReflection
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** One answer whether the address is new, pending or has an account, so it tells nobody which. */
    static final AcceptedResponse REGISTER_ANSWER = new AcceptedResponse(
            "Check your inbox: we have sent a link to finish signing up.");

    private final AccountService accounts;
    private final EmailVerificationService verification;
    private final SessionService sessions;
    private final AuthRateLimits limits;
    private final CurrentUser currentUser;

    public AuthResource(AccountService accounts, EmailVerificationService verification, SessionService sessions,
                        AuthRateLimits limits, CurrentUser currentUser) {
        this.accounts = accounts;
        this.verification = verification;
        this.sessions = sessions;
        this.limits = limits;
        this.currentUser = currentUser;
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AcceptedResponse>> register(@Valid RegisterRequest request, HttpServerRequest http) {
        RegisterRequest r = body(request);
        return limits.register(http, r.email()).flatMap(ignored -> verification.register(r.email(), r.password(), r.name()))
                .map(ignored -> RestResponse.status(RestResponse.Status.ACCEPTED, REGISTER_ANSWER));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokensResponse> login(@Valid LoginRequest request, HttpServerRequest http) {
        LoginRequest r = body(request);
        return limits.login(http, r.email()).flatMap(ignored -> sessions.signIn(r.email(), r.password())).map(TokensResponse::of);
    }

    @POST
    @Path("/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokensResponse> refresh(RefreshRequest request) {
        return sessions.refresh(body(request).refreshToken()).map(TokensResponse::of);
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<Void>> logout(RefreshRequest request) {
        return sessions.signOut(body(request).refreshToken()).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/logout-all")
    @Authenticated
    public Uni<RestResponse<Void>> logoutAll() {
        return sessions.signOutEverywhere(currentUser.id()).map(ignored -> RestResponse.noContent());
    }

    @GET
    @Path("/me")
    @Authenticated
    public Uni<UserResponse> me() {
        return accounts.profile(currentUser.id()).map(UserResponse::of);
    }

    @PATCH
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Uni<UserResponse> updateProfile(
            @RequestBody(content = @Content(schema = @Schema(implementation = UpdateProfileRequest.class))) JsonNode body) {
        return accounts.updateProfile(currentUser.id(), ProfileChanges.of(body)).map(UserResponse::of);
    }

    @DELETE
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Uni<RestResponse<Void>> delete(@Valid DeleteAccountRequest request) {
        DeleteAccountRequest r = body(request);
        return limits.passwordCheck(currentUser.id()).flatMap(ignored -> accounts.deleteAccount(currentUser.id(), r.password()))
                .map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/password/change")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Uni<TokensResponse> changePassword(@Valid ChangePasswordRequest request) {
        ChangePasswordRequest r = body(request);
        return limits.passwordCheck(currentUser.id())
                .flatMap(ignored -> accounts.changePassword(currentUser.id(), r.currentPassword(), r.newPassword()))
                .map(TokensResponse::of);
    }
}
