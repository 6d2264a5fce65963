package dev.todoapp.http;

import static java.util.Map.entry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Problem;

/**
 * Completes the generated /q/openapi with what annotations would repeat on every method: the
 * problem+json answers each operation can give (from the same rules that produce them), the
 * headers that come with them, and the success status of routes that do not answer 200.
 */
public class OpenApiContract implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    /** What a route answers beyond the rules every route shares (see {@link #complete}). */
    private record Route(int success, Set<Integer> errors, Set<String> successHeaders, List<ErrorCode> codes) {
        static Route of(int success, Integer... errors) {
            return new Route(success, Set.of(errors), Set.of(), List.of());
        }

        Route withHeaders(String... headers) {
            return new Route(success, errors, Set.of(headers), codes);
        }

        /** Problems only this route gives, whose status other routes use for another code; in this order (a stable document). */
        Route withCodes(ErrorCode... specific) {
            return new Route(success, errors, successHeaders, List.of(specific));
        }
    }

    private static final Map<String, Route> ROUTES = Map.ofEntries(
            entry("POST /api/auth/register", Route.of(202, 429)),
            entry("POST /api/auth/login", Route.of(200, 401, 429).withCodes(ErrorCode.EMAIL_NOT_VERIFIED)),
            entry("POST /api/auth/email/verify", Route.of(200, 429)
                    .withCodes(ErrorCode.INVALID_VERIFICATION_TOKEN, ErrorCode.EMAIL_TAKEN)),
            entry("POST /api/auth/email/resend", Route.of(202, 429)),
            entry("POST /api/auth/email/change", Route.of(202, 403, 429)),
            entry("POST /api/auth/refresh", Route.of(200, 401)),
            entry("POST /api/auth/logout", Route.of(204)),
            entry("POST /api/auth/logout-all", Route.of(204)),
            entry("DELETE /api/auth/me", Route.of(204, 403)),
            entry("POST /api/auth/password/change", Route.of(200, 403)),
            entry("POST /api/auth/password/forgot", Route.of(202, 429)),
            entry("POST /api/auth/password/reset/verify", Route.of(200, 429)),
            entry("POST /api/auth/password/reset", Route.of(204, 429)),
            entry("POST /api/todos", Route.of(201).withHeaders("ETag", "Location")),
            entry("GET /api/todos/{id}", Route.of(200).withHeaders("ETag")),
            entry("PATCH /api/todos/{id}", Route.of(200, 412).withHeaders("ETag")),
            entry("DELETE /api/todos/{id}", Route.of(204)),
            entry("POST /api/todos/{id}/toggle", Route.of(200).withHeaders("ETag")),
            entry("POST /api/todos/{id}/move", Route.of(200).withHeaders("ETag")),
            entry("POST /api/unsubscribe", Route.of(204).withCodes(ErrorCode.INVALID_UNSUBSCRIBE_TOKEN)));

    private static final Map<String, String> HEADER_DESCRIPTIONS = Map.of(
            "ETag", "The todo's version as a strong entity tag; send it back in If-Match",
            "Location", "The URL of the created todo",
            "Retry-After", "Seconds to wait before trying again",
            "WWW-Authenticate", "Bearer");

    private static final Map<ErrorCode, String> CODE_DESCRIPTIONS = Map.of(
            ErrorCode.EMAIL_NOT_VERIFIED, "The password matched, but the address is not verified yet",
            ErrorCode.INVALID_VERIFICATION_TOKEN, "The link is unknown, used, superseded or expired",
            ErrorCode.EMAIL_TAKEN, "The link changes the address to one another account has taken since",
            ErrorCode.INVALID_UNSUBSCRIBE_TOKEN, "The token is missing or was not signed by this service");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema("Problem", problemSchema());
        // every answer record writes all of its fields, null included (JsonSettings keeps nulls)
        openAPI.getComponents().getSchemas().forEach((name, schema) -> {
            if (name.endsWith("Response") && schema.getProperties() != null) {
                schema.setRequired(List.copyOf(schema.getProperties().keySet()));
            }
        });
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> {
                    complete(method + " " + path, operation);
                    closeRequestBody(openAPI, operation);
                });
            }
        });
    }

    /** Unknown fields are refused (JsonSettings), so no request body may carry more than its schema names. */
    private static void closeRequestBody(OpenAPI openAPI, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        operation.getRequestBody().getContent().getMediaTypes().values().forEach(media -> {
            Schema schema = media.getSchema();
            if (schema != null && schema.getRef() != null) {
                schema = openAPI.getComponents().getSchemas().get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            }
            close(openAPI, schema);
        });
    }

    /** The body's schema and the object schemas its properties name (e.g. a todo's Recurrence). */
    private static void close(OpenAPI openAPI, Schema schema) {
        if (schema == null || schema.getProperties() == null) {
            return;
        }
        schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
        schema.getProperties().values().stream().map(property -> referenced(openAPI, property))
                .filter(nested -> nested != null && nested != schema && nested.getProperties() != null)
                .forEach(nested -> nested.setAdditionalPropertiesBoolean(Boolean.FALSE));
    }

    private static Schema referenced(OpenAPI openAPI, Schema property) {
        String ref = property.getRef();
        if (ref == null && property.getAnyOf() != null) {
            ref = property.getAnyOf().stream().map(Schema::getRef).filter(r -> r != null).findFirst().orElse(null);
        }
        if (ref == null && property.getOneOf() != null) {
            ref = property.getOneOf().stream().map(Schema::getRef).filter(r -> r != null).findFirst().orElse(null);
        }
        return ref == null ? null : openAPI.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static void complete(String route, Operation operation) {
        Route specific = ROUTES.getOrDefault(route, Route.of(200));
        APIResponses responses = operation.getResponses();
        APIResponse success = successResponse(responses);
        responses.getAPIResponses().keySet().stream().toList().forEach(responses::removeAPIResponse);
        specific.successHeaders().forEach(name -> success.addHeader(name, header(name)));
        if (specific.success() == 204) {
            success.setContent(null);
        }
        responses.addAPIResponse(Integer.toString(specific.success()), success.description(description(specific.success())));

        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotentWrites.HEADER.equalsIgnoreCase(p.getName()));
        if (idempotent) {
            operation.getParameters().stream().filter(p -> IdempotentWrites.HEADER.equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .maxLength(255).pattern("^[\\x21-\\x7E]*$")
                            .description("1 to 255 visible ASCII characters (empty means no key); the same key within 24 h replays the first answer")));
            problem(responses, ErrorCode.VALIDATION_FAILED, "A field breaks a rule; errors names each field and rule");
            problem(responses, ErrorCode.REQUEST_IN_PROGRESS, "A request with this Idempotency-Key is still running")
                    .addHeader("Retry-After", header("Retry-After"));
        }
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasQuery = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (hasBody) {
            problem(responses, ErrorCode.MALFORMED_REQUEST, "The body is not JSON of the documented shape");
            problem(responses, ErrorCode.PAYLOAD_TOO_LARGE, "The body is over 64 KiB");
            problem(responses, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json");
        }
        if (hasBody || hasQuery) {
            problem(responses, ErrorCode.VALIDATION_FAILED, "A field breaks a rule; errors names each field and rule");
        }
        if (secured || specific.errors().contains(401)) {
            problem(responses, ErrorCode.UNAUTHORIZED, "No valid access (or refresh) token").addHeader("WWW-Authenticate", header("WWW-Authenticate"));
        }
        if (route.contains("{id}")) {
            problem(responses, ErrorCode.NOT_FOUND, "No such todo of this user");
        }
        if (specific.errors().contains(403)) {
            problem(responses, ErrorCode.WRONG_PASSWORD, "The password is incorrect");
        }
        specific.codes().forEach(code -> problem(responses, code, CODE_DESCRIPTIONS.get(code)));
        if (specific.errors().contains(412)) {
            problem(responses, ErrorCode.VERSION_CONFLICT, "If-Match does not name the current version");
        }
        if (specific.errors().contains(429)) {
            problem(responses, ErrorCode.RATE_LIMITED, "Too many attempts").addHeader("Retry-After", header("Retry-After"));
        }
        problem(responses, ErrorCode.NOT_ACCEPTABLE, "The Accept header rules out application/json");
        problem(responses, ErrorCode.SERVICE_UNAVAILABLE, "The database is unreachable or the request ran past its deadline")
                .addHeader("Retry-After", header("Retry-After"));
    }

    /** The generated 2xx answer (its body schema), whatever status the generator guessed. */
    private static APIResponse successResponse(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseGet(OASFactory::createAPIResponse);
    }

    private static APIResponse problem(APIResponses responses, ErrorCode code, String description) {
        String status = Integer.toString(ProblemMappers.statusOf(code));
        APIResponse existing = responses.getAPIResponse(status);
        if (existing != null) {
            existing.setDescription(existing.getDescription() + "; " + description);
            return existing;
        }
        APIResponse response = OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF))));
        responses.addAPIResponse(status, response);
        return response;
    }

    private static Header header(String name) {
        return OASFactory.createHeader().description(HEADER_DESCRIPTIONS.get(name))
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static String description(int status) {
        return switch (status) {
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            default -> "OK";
        };
    }

    private static Schema problemSchema() {
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema fieldError = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string)
                .addProperty("message", string)
                .required(List.of("field", "message"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; code is the stable word clients switch on")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", string)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string)
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(Arrays.stream(ErrorCode.values()).map(c -> (Object) c.code()).toList()))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(fieldError))
                .addProperty("requestId", string)
                .required(List.of("type", "title", "status", "detail", "code"));
    }
}
