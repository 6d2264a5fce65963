package dev.todoapp.account.rest;

import java.time.OffsetDateTime;

import dev.todoapp.account.User;
import dev.todoapp.account.service.IssuedTokens;

/** The JSON shapes of /api/auth, exactly as the contract names them. */
public final class AuthDtos {

    private AuthDtos() {
    }

    public record RegisterRequest(String email, String password, String name) {
    }

    public record LoginRequest(String email, String password) {
    }

    public record RefreshRequest(String refreshToken) {
    }

    public record UpdateProfileRequest(String name) {
    }

    public record DeleteAccountRequest(String password) {
    }

    public record ChangePasswordRequest(String currentPassword, String newPassword) {
    }

    public record ForgotPasswordRequest(String email) {
    }

    public record ForgotPasswordResponse(String message) {
    }

    public record VerifyResetTokenRequest(String token) {
    }

    public record VerifyResetTokenResponse(boolean valid, OffsetDateTime expiresAt) {
    }

    public record ResetPasswordRequest(String token, String newPassword) {
    }

    /** The answer of register, resend and email change: the same for every address. */
    public record AcceptedResponse(String message) {
    }

    public record VerifyEmailRequest(String token) {
    }

    public record ResendVerificationRequest(String email) {
    }

    public record ChangeEmailRequest(String newEmail, String password) {
    }

    /** {@code pendingEmail}: the address a change was requested for, while its link still works; else null. */
    public record UserResponse(String id, String email, boolean emailVerified, String pendingEmail, String name,
                               OffsetDateTime createdAt) {
        static UserResponse of(User user) {
            return new UserResponse(user.getId().toString(), user.getEmail(), user.isEmailVerified(),
                    user.pendingEmailAt(OffsetDateTime.now()), user.getName(), user.getCreatedAt());
        }
    }

    public record TokensResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                 long refreshExpiresIn, UserResponse user) {
        static TokensResponse of(IssuedTokens tokens) {
            return new TokensResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresIn(), tokens.refreshToken(),
                    tokens.refreshExpiresIn(), UserResponse.of(tokens.user()));
        }
    }
}
