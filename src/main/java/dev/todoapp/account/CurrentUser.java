package dev.todoapp.account;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user of this request, from the verified (and not revoked) access token. */
@RequestScoped
public class CurrentUser {

    public static final String SESSION_CLAIM = "sid";

    private final JsonWebToken token;

    public CurrentUser(JsonWebToken token) {
        this.token = token;
    }

    public UUID id() {
        return UUID.fromString(token.getSubject());
    }

    public UUID sessionId() {
        return UUID.fromString(token.getClaim(SESSION_CLAIM));
    }
}
