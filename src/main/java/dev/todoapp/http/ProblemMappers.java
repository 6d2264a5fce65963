package dev.todoapp.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.TimeoutException;
import dev.todoapp.common.DatabaseErrors;
import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.FieldError;
import dev.todoapp.common.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;

/**
 * The one place where failures become HTTP: each error code gets its status here, and every failure
 * leaves as problem+json — no stack trace, SQL or class name reaches the client.
 */
// Problem bodies reach Jackson only inside a Response, which Quarkus does not register for the native
// image on its own: without this, every problem+json body of the native binary is {}.
@RegisterForReflection(targets = {Problem.class, FieldError.class})
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String SOMETHING_WENT_WRONG = "Something went wrong on our side; quote the request id";

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    /** The status of each code; a new code does not compile until it has one. */
    public static int statusOf(ErrorCode code) {
        return switch (code) {
            case MALFORMED_REQUEST, INVALID_RESET_TOKEN, REQUEST_FAILED -> 400;
            case INVALID_VERIFICATION_TOKEN, EMAIL_TAKEN -> 400;
            case INVALID_UNSUBSCRIBE_TOKEN -> 400;
            case UNAUTHORIZED, INVALID_CREDENTIALS, INVALID_REFRESH_TOKEN -> 401;
            case FORBIDDEN, WRONG_PASSWORD -> 403;
            case EMAIL_NOT_VERIFIED -> 403;
            case NOT_FOUND -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case NOT_ACCEPTABLE -> 406;
            case REQUEST_IN_PROGRESS -> 409;
            case MAIL_STATE_CONFLICT -> 409;
            case VERSION_CONFLICT -> 412;
            case PAYLOAD_TOO_LARGE -> 413;
            case URI_TOO_LONG -> 414;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case VALIDATION_FAILED, WEAK_PASSWORD, IDEMPOTENCY_KEY_REUSED -> 422;
            case MAIL_EXPIRED -> 422;
            case RATE_LIMITED -> 429;
            case HEADERS_TOO_LARGE -> 431;
            case INTERNAL_ERROR -> 500;
            case SERVICE_BUSY, SERVICE_UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        Response.ResponseBuilder response = respond(e.code(), e.getMessage(), e.errors());
        if (e.code() == ErrorCode.UNAUTHORIZED || e.code() == ErrorCode.INVALID_REFRESH_TOKEN) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if (e.retryAfterSeconds() != null) {
            response.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        return response.build();
    }

    /** Quarkus maps its subtype of this (request parameters and bodies) to a bare 400; ours must win. */
    @ServerExceptionMapper({ConstraintViolationException.class, ResteasyReactiveViolationException.class})
    public Response validation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return respond(ErrorCode.VALIDATION_FAILED, detail, errors).build();
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String detail = "The request body is not valid JSON";
        List<FieldError> errors = List.of();
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field " + quoted(unknown.getPropertyName());
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            detail = field.isEmpty() ? "The request body has the wrong shape" : field + " has the wrong type";
            if (!field.isEmpty()) {
                errors = List.of(new FieldError(field, "has the wrong type"));
            }
        }
        return respond(ErrorCode.MALFORMED_REQUEST, detail, errors).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return respond(ErrorCode.UNAUTHORIZED, "A valid access token is required", null)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(ErrorCode.FORBIDDEN, "You may not do this", null).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 400 -> respond(ErrorCode.MALFORMED_REQUEST, "The request could not be read", null).build();
            case 404 -> wrongMethodOnLiteralPath(request)
                    ? methodNotAllowed(request)
                    : respond(ErrorCode.NOT_FOUND, "The resource was not found", null).build();
            case 405 -> methodNotAllowed(request);
            case 406 -> respond(ErrorCode.NOT_ACCEPTABLE, "This resource answers application/json", null).build();
            case 413 -> respond(ErrorCode.PAYLOAD_TOO_LARGE, "The request body must be at most 64 KiB", null).build();
            case 415 -> respond(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json", null).build();
            default -> status >= 500 ? internal(e) : respond(status, ErrorCode.REQUEST_FAILED, "The request failed", null).build();
        };
    }

    private Response methodNotAllowed(HttpServerRequest request) {
        return respond(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here", null)
                .header("Allow", allowedMethods.of(request.path()).orElse(null))
                .build();
    }

    /**
     * PATCH /api/todos/bulk is routed to PATCH /api/todos/{id} and fails there as a 404 (bulk is no id),
     * while the path itself exists: that is a wrong method (405), not a missing resource.
     */
    private boolean wrongMethodOnLiteralPath(HttpServerRequest request) {
        return allowedMethods.literal(request.path())
                .map(allowed -> !allowed.contains(request.method().name()))
                .orElse(false);
    }

    /** The database is unreachable or timed out: a fast, honest 503 instead of a hang or a 500. */
    @ServerExceptionMapper({TimeoutException.class, java.util.concurrent.TimeoutException.class, io.vertx.core.VertxException.class})
    public Response unavailable(Exception e) {
        return serviceUnavailable(e);
    }

    private static Response serviceUnavailable(Throwable e) {
        LOG.warnf("Dependency unavailable: %s", e.getClass().getSimpleName());
        return respond(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable; try again shortly", null)
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response database(PgException e) {
        if (DatabaseErrors.isUnavailable(e)) {
            return serviceUnavailable(e);
        }
        LOG.error("Database error", e);
        return respond(ErrorCode.INTERNAL_ERROR, SOMETHING_WENT_WRONG, null).build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (DatabaseErrors.isUnavailable(e)) {
            return serviceUnavailable(e);
        }
        LOG.error("Unhandled failure", e);
        return respond(ErrorCode.INTERNAL_ERROR, SOMETHING_WENT_WRONG, null).build();
    }

    private static Response.ResponseBuilder respond(ErrorCode code, String detail, List<FieldError> errors) {
        return respond(statusOf(code), code, detail, errors);
    }

    private static Response.ResponseBuilder respond(int status, ErrorCode code, String detail, List<FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, detail, errors, RequestIds.current()));
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.request.title" -> "title": clients know fields, not Java method parameters
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            names.add(node.getName());
        }
        return names.isEmpty() ? "body" : names.get(names.size() - 1);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String quoted(String name) {
        return name != null && name.matches("[A-Za-z0-9_]{1,64}") ? "'" + name + "'" : "in the body";
    }
}
