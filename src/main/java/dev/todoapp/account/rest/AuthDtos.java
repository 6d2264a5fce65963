package dev.todoapp.account.rest;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.todoapp.account.User;
import dev.todoapp.account.service.AccountService;
import dev.todoapp.account.service.IssuedTokens;
import dev.todoapp.account.service.PasswordPolicy;
import dev.todoapp.common.EmailAddress;
import dev.todoapp.common.Text;

/**
 * The JSON shapes of /api/auth, exactly as the contract names them. Presence is checked by Bean
 * Validation; lengths count code points (as JSON Schema does), so the services check them and
 * {@code @Schema} shows them, from the services' own constants.
 */
public final class AuthDtos {

    private static final String BLANK = "must not be blank";

    private AuthDtos() {
    }

    public record RegisterRequest(@NotBlank @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH, description = "trimmed; compared case-insensitively") String email,
                                  @NotEmpty(message = BLANK) @Schema(minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH, description = "not one of the commonly used passwords")
                                  String password,
                                  @Schema(nullable = true, maxLength = AccountService.MAX_NAME_LENGTH, pattern = Text.SINGLE_LINE, description = "trimmed; blank means none") String name) {
    }

    public record LoginRequest(@NotBlank @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH) String email, @NotEmpty(message = BLANK) String password) {
    }

    /** Sign-out takes a missing or unknown token as already signed out (204); refresh answers 401. */
    public record RefreshRequest(@Schema(nullable = true) String refreshToken) {
    }

    /** A PATCH: a field left out stays as it is. */
    public record UpdateProfileRequest(@Schema(nullable = true, maxLength = AccountService.MAX_NAME_LENGTH, pattern = Text.SINGLE_LINE, description = "trimmed; blank means none") String name,
                                       @Schema(description = "IANA time zone name, e.g. Europe/Berlin") String timeZone,
                                       Boolean emailReminders, Boolean dailyDigest) {
    }

    public record DeleteAccountRequest(@NotEmpty(message = BLANK) String password) {
    }

    public record ChangePasswordRequest(@NotEmpty(message = BLANK) String currentPassword,
                                        @NotEmpty(message = BLANK) @Schema(minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH, description = "not one of the commonly used passwords")
                                        String newPassword) {
    }

    public record ForgotPasswordRequest(@NotBlank @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH, description = "trimmed; compared case-insensitively") String email) {
    }

    public record ForgotPasswordResponse(String message) {
    }

    public record VerifyResetTokenRequest(String token) {
    }

    public record VerifyResetTokenResponse(boolean valid, OffsetDateTime expiresAt) {
    }

    public record ResetPasswordRequest(String token,
                                       @NotEmpty(message = BLANK) @Schema(minLength = PasswordPolicy.MIN_LENGTH, maxLength = PasswordPolicy.MAX_LENGTH, description = "not one of the commonly used passwords")
                                       String newPassword) {
    }

    /** The answer of register, resend and email change: the same for every address. */
    public record AcceptedResponse(String message) {
    }

    public record VerifyEmailRequest(String token) {
    }

    public record ResendVerificationRequest(@NotBlank @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH, description = "trimmed; compared case-insensitively") String email) {
    }

    public record ChangeEmailRequest(@NotBlank @Schema(format = "email", maxLength = EmailAddress.MAX_LENGTH, description = "trimmed; compared case-insensitively") String newEmail,
                                     @NotEmpty(message = BLANK) String password) {
    }

    /** {@code pendingEmail}: the address a change was requested for, while its link still works; else null. */
    public record UserResponse(@Schema(format = "uuid") String id, @Schema(format = "email") String email, boolean emailVerified,
                               @Schema(nullable = true, format = "email") String pendingEmail,
                               @Schema(nullable = true) String name, OffsetDateTime createdAt,
                               @Schema(description = "IANA time zone name") String timeZone, boolean emailReminders,
                               boolean dailyDigest) {
        static UserResponse of(User user) {
            return new UserResponse(user.getId().toString(), user.getEmail(), user.isEmailVerified(),
                    user.pendingEmailAt(OffsetDateTime.now()), user.getName(), user.getCreatedAt(),
                    user.getTimeZone(), user.isEmailReminders(), user.isDailyDigest());
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
