package dev.todoapp.common;

/**
 * Every stable {@code code} a problem response can carry, with its title. Clients switch on the
 * code; the HTTP status of each is decided in one place, http/ProblemMappers.
 */
public enum ErrorCode {
    MALFORMED_REQUEST("malformed_request", "Malformed request"),
    VALIDATION_FAILED("validation_failed", "Invalid request"),
    WEAK_PASSWORD("weak_password", "Password too common"),
    NOT_FOUND("not_found", "Not found"),
    UNAUTHORIZED("unauthorized", "Unauthorized"),
    /** Sign-in with an unknown address or a wrong password. */
    INVALID_CREDENTIALS("invalid_credentials", "Unauthorized"),
    /** A signed-in user re-entered a wrong password (delete account, change password): same code, refused, not unauthenticated. */
    WRONG_PASSWORD("invalid_credentials", "Forbidden"),
    INVALID_REFRESH_TOKEN("invalid_refresh_token", "Unauthorized"),
    INVALID_RESET_TOKEN("invalid_reset_token", "Invalid reset link"),
    INVALID_UNSUBSCRIBE_TOKEN("invalid_unsubscribe_token", "Invalid unsubscribe link"),
    FORBIDDEN("forbidden", "Forbidden"),
    /** An email-change link was used, but another verified account has taken that address since. */
    EMAIL_TAKEN("email_taken", "Email already in use"),
    /** The password matched, but the address was never verified. */
    EMAIL_NOT_VERIFIED("email_not_verified", "Email not verified"),
    INVALID_VERIFICATION_TOKEN("invalid_verification_token", "Invalid verification link"),
    VERSION_CONFLICT("version_conflict", "Version conflict"),
    /** The Idempotency-Key was already used for another request. */
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", "Idempotency key reused"),
    /** The first request with this Idempotency-Key is still running. */
    REQUEST_IN_PROGRESS("request_in_progress", "Request in progress"),
    RATE_LIMITED("rate_limited", "Too many requests"),
    SERVICE_BUSY("service_busy", "Service busy"),
    SERVICE_UNAVAILABLE("service_unavailable", "Service unavailable"),
    METHOD_NOT_ALLOWED("method_not_allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not_acceptable", "Not acceptable"),
    PAYLOAD_TOO_LARGE("payload_too_large", "Request body too large"),
    URI_TOO_LONG("uri_too_long", "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", "Unsupported media type"),
    HEADERS_TOO_LARGE("headers_too_large", "Request headers too large"),
    /** An operator's requeue or discard of a mail in a state that does not allow it (management port). */
    MAIL_STATE_CONFLICT("mail_state_conflict", "Mail state does not allow this"),
    /** An operator's requeue of a mail whose content expired (a reset link): it would only mislead. */
    MAIL_EXPIRED("mail_expired", "Mail content expired"),
    /** Any other refusal of the framework, under the status it chose. */
    REQUEST_FAILED("request_failed", "Request failed"),
    INTERNAL_ERROR("internal_error", "Internal error");

    private final String code;
    private final String title;

    ErrorCode(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
