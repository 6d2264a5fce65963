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

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.pgclient.PgException;

/** Every failure leaves as problem+json: no stack trace, SQL or class name reaches the client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder response = respond(e.status(), e.code(), e.title(), e.getMessage(), e.errors());
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message()).collect(Collectors.joining("; "));
        return respond(422, "validation_failed", "Invalid request", detail, errors).build();
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response wrongJsonShape(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String detail = "The request body is not valid JSON";
        List<Problem.FieldError> errors = List.of();
        if (e instanceof UnrecognizedPropertyException unknown) {
            detail = "Unknown field " + quoted(unknown.getPropertyName());
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = path((JsonMappingException) e);
            detail = field.isEmpty() ? "The request body has the wrong shape" : field + " has the wrong type";
            if (!field.isEmpty()) {
                errors = List.of(new Problem.FieldError(field, "has the wrong type"));
            }
        }
        return respond(400, "malformed_request", "Malformed request", detail, errors).build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return respond(401, "unauthorized", "Unauthorized", "A valid access token is required", null)
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "Forbidden", "You may not do this", null).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return switch (status) {
            case 400 -> respond(400, "malformed_request", "Malformed request", "The request could not be read", null).build();
            case 404 -> respond(404, "not_found", "Not found", "The resource was not found", null).build();
            case 405 -> respond(405, "method_not_allowed", "Method not allowed", "This method is not allowed here", null).build();
            case 406 -> respond(406, "not_acceptable", "Not acceptable", "This resource answers application/json", null).build();
            case 413 -> respond(413, "payload_too_large", "Request body too large", "The request body must be at most 64 KiB", null).build();
            case 415 -> respond(415, "unsupported_media_type", "Unsupported media type", "Send the body as application/json", null).build();
            default -> status >= 500 ? internal(e) : respond(status, "request_failed", "Request failed", "The request failed", null).build();
        };
    }

    /** The database is unreachable or timed out: a fast, honest 503 instead of a hang or a 500. */
    @ServerExceptionMapper({TimeoutException.class, java.util.concurrent.TimeoutException.class, io.vertx.core.VertxException.class})
    public Response unavailable(Exception e) {
        LOG.warnf("Dependency unavailable: %s", e.getClass().getSimpleName());
        return respond(503, "service_unavailable", "Service unavailable", "The service is temporarily unavailable; try again shortly", null)
                .header("Retry-After", "5")
                .build();
    }

    @ServerExceptionMapper
    public Response database(PgException e) {
        LOG.error("Database error", e);
        return respond(500, "internal_error", "Internal error", "Something went wrong on our side; quote the request id", null).build();
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (isConnectionFailure(e)) {
            return unavailable((Exception) e);
        }
        LOG.error("Unhandled failure", e);
        return respond(500, "internal_error", "Internal error", "Something went wrong on our side; quote the request id", null).build();
    }

    static Response.ResponseBuilder respond(int status, String code, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, errors, RequestIds.current()));
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // SocketException covers a refused connect and a reset mid-query (the database going away)
            if (t instanceof java.net.SocketException || t instanceof io.vertx.core.impl.NoStackTraceThrowable
                    || t instanceof java.nio.channels.ClosedChannelException
                    || (t.getClass().getName().contains("Connect") && t instanceof Exception)) {
                return true;
            }
        }
        return false;
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
