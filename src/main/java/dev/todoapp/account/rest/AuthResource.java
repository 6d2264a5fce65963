package dev.todoapp.account.rest;

import static dev.todoapp.http.Requests.body;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

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
import dev.todoapp.account.service.SessionService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

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
    public Uni<RestResponse<AcceptedResponse>> register(RegisterRequest request, HttpServerRequest http) {
        RegisterRequest r = body(request);
        limits.register(http, r.email());
        return verification.register(r.email(), r.password(), r.name())
                .map(ignored -> RestResponse.status(RestResponse.Status.ACCEPTED, REGISTER_ANSWER));
    }

    @POST
    @Path("/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<TokensResponse> login(LoginRequest request, HttpServerRequest http) {
        LoginRequest r = body(request);
        limits.login(http, r.email());
        return sessions.signIn(r.email(), r.password()).map(TokensResponse::of);
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
    public Uni<UserResponse> rename(UpdateProfileRequest request) {
        return accounts.rename(currentUser.id(), body(request).name()).map(UserResponse::of);
    }

    @DELETE
    @Path("/me")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Uni<RestResponse<Void>> delete(DeleteAccountRequest request) {
        return accounts.deleteAccount(currentUser.id(), body(request).password()).map(ignored -> RestResponse.noContent());
    }

    @POST
    @Path("/password/change")
    @Consumes(MediaType.APPLICATION_JSON)
    @Authenticated
    public Uni<TokensResponse> changePassword(ChangePasswordRequest request) {
        ChangePasswordRequest r = body(request);
        return accounts.changePassword(currentUser.id(), r.currentPassword(), r.newPassword()).map(TokensResponse::of);
    }
}
