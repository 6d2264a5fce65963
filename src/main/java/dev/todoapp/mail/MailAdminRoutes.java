package dev.todoapp.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.todoapp.common.EmailAddress;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Problem;
import dev.todoapp.config.AdminConfig;
import io.quarkus.vertx.http.ManagementInterface;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Undeliverable mail for operators, on the management interface only (MANAGEMENT_PORT, never the public
 * port, so never in the public OpenAPI either): {@code GET /q/admin/mail}, {@code POST
 * /q/admin/mail/{id}/requeue}, {@code POST /q/admin/mail/{id}/discard}. Served only when ADMIN_TOKEN is
 * set, and only to a request bearing it. Answers show the kind, a masked address, attempts, the last
 * error class and ages: never a body, subject, link or token.
 */
@ApplicationScoped
public class MailAdminRoutes {

    static final String BASE = "/q/admin/mail";
    private static final Logger LOG = Logger.getLogger(MailAdminRoutes.class);
    private static final List<String> LISTABLE = List.of("dead", MailOutbox.PENDING);

    private final MailAdmin admin;
    private final Optional<byte[]> tokenDigest;
    private final ObjectMapper json;

    public MailAdminRoutes(MailAdmin admin, AdminConfig config, ObjectMapper json) {
        this.admin = admin;
        this.tokenDigest = config.token().map(String::trim).filter(t -> !t.isEmpty()).map(MailAdminRoutes::sha256);
        this.json = json;
    }

    void register(@Observes ManagementInterface management) {
        if (tokenDigest.isEmpty()) {
            return;
        }
        Router router = management.router();
        router.route(BASE + "*").order(-1).handler(this::authorize);
        router.get(BASE).handler(this::list);
        router.post(BASE + "/:id/requeue").handler(ctx -> change(ctx, admin::requeue));
        router.post(BASE + "/:id/discard").handler(ctx -> change(ctx, admin::discard));
    }

    /** Both sides hashed first, so the comparison takes the same time whatever the length or content. */
    private void authorize(RoutingContext ctx) {
        String header = ctx.request().getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        if (bearer && MessageDigest.isEqual(sha256(header.substring(7).trim()), tokenDigest.orElseThrow())) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        problem(ctx, 401, ErrorCode.UNAUTHORIZED, "This needs the operator token (ADMIN_TOKEN) as a bearer token.");
    }

    private void list(RoutingContext ctx) {
        List<String> states;
        String wanted = ctx.request().getParam("status");
        if (wanted == null) {
            states = LISTABLE;
        } else if (LISTABLE.contains(wanted)) {
            states = List.of(wanted);
        } else {
            problem(ctx, 422, ErrorCode.VALIDATION_FAILED, "status is dead or pending (or absent for both).");
            return;
        }
        answer(ctx, admin.list(states).map(mails -> {
            JsonArray items = new JsonArray();
            mails.forEach(mail -> items.add(describe(mail)));
            return new JsonObject().put("mails", items).put("limit", MailAdmin.LIST_LIMIT);
        }), body -> ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(body.encode()));
    }

    private void change(RoutingContext ctx, java.util.function.Function<UUID, Uni<MailAdmin.Result>> action) {
        UUID id;
        try {
            id = UUID.fromString(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            problem(ctx, 404, ErrorCode.NOT_FOUND, "No mail with this id.");
            return;
        }
        answer(ctx, action.apply(id), result -> {
            switch (result.outcome()) {
                case DONE -> ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", id.toString()).put("status", result.status()).encode());
                case UNKNOWN -> problem(ctx, 404, ErrorCode.NOT_FOUND, "No mail with this id.");
                case EXPIRED -> problem(ctx, 422, ErrorCode.MAIL_EXPIRED, "Its content has expired (a reset link is"
                        + " no longer valid): requeueing would send a dead link. Discard it; the person can ask again.");
                case BODY_GONE -> problem(ctx, 409, ErrorCode.MAIL_STATE_CONFLICT, "Its body was dropped (it died"
                        + " before bodies were kept), so it cannot be sent again. Discard it.");
                case WRONG_STATE -> problem(ctx, 409, ErrorCode.MAIL_STATE_CONFLICT, "The mail is " + result.status()
                        + ": only a dead mail can be requeued, and only a dead or pending one discarded.");
            }
        });
    }

    private static JsonObject describe(MailOutboxRepository.Listed mail) {
        return new JsonObject()
                .put("id", mail.id().toString())
                .put("kind", mail.kind())
                .put("to", EmailAddress.masked(mail.recipient()))
                .put("status", mail.status())
                .put("attempts", mail.attempts())
                .put("lastError", mail.lastError())
                .put("ageSeconds", mail.ageSeconds())
                .put("createdAt", text(mail.createdAt()))
                .put("nextAttemptAt", MailOutbox.PENDING.equals(mail.status()) ? text(mail.nextAttemptAt()) : null)
                .put("validUntil", text(mail.validUntil()))
                .put("requeueable", "dead".equals(mail.status()) && mail.hasBody() && !mail.expired());
    }

    private <T> void answer(RoutingContext ctx, Uni<T> work, java.util.function.Consumer<T> respond) {
        work.subscribe().with(respond, failure -> {
            LOG.warnf("Mail admin request failed (%s)", failure.getClass().getSimpleName());
            problem(ctx, 503, ErrorCode.SERVICE_UNAVAILABLE, "The outbox could not be read or changed; try again.");
        });
    }

    private void problem(RoutingContext ctx, int status, ErrorCode code, String detail) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of(status, code, detail, null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document always serializes", e);
        }
        ctx.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }

    private static String text(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
