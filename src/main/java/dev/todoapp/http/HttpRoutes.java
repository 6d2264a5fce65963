package dev.todoapp.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.todoapp.common.ErrorCode;
import dev.todoapp.common.Problem;
import dev.todoapp.config.ServiceConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What every HTTP response gets before any resource runs: a request id, HSTS in production, the
 * size limits of URL, headers and body, a deadline for API requests, and problem+json for what
 * Vert.x answers itself (unknown routes, oversized requests, requests past the deadline).
 */
@ApplicationScoped
public class HttpRoutes {

    private static final Logger LOG = Logger.getLogger(HttpRoutes.class);
    static final long MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_URI_CHARS = 8 * 1024;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final long COMMIT_POLL_MILLIS = 100;
    static final String UNAVAILABLE = "The service is temporarily unavailable; try again shortly";

    private final ServiceConfig app;
    private final ObjectMapper json;

    public HttpRoutes(ServiceConfig app, ObjectMapper json) {
        this.app = app;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::prepare);
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::deadline);
        router.route().last().handler(context -> send(context, ErrorCode.NOT_FOUND, "No resource at " + safePath(context)));
        router.errorHandler(404, context -> send(context, ErrorCode.NOT_FOUND, "No resource at " + safePath(context)));
        router.errorHandler(405, context -> send(context, ErrorCode.METHOD_NOT_ALLOWED,
                context.request().method() + " is not allowed here"));
        router.errorHandler(413, context -> tooLarge(context));
        router.errorHandler(400, context -> send(context, ErrorCode.MALFORMED_REQUEST, "The request could not be read"));
        router.errorHandler(500, context -> {
            LOG.error("Unhandled failure", context.failure());
            send(context, ErrorCode.INTERNAL_ERROR, "Something went wrong on our side; quote the request id");
        });
    }

    private void prepare(RoutingContext context) {
        RequestIds.assign(context);
        if (app.production()) {
            context.response().putHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (context.request().uri().length() > MAX_URI_CHARS) {
            refuse(context, ErrorCode.URI_TOO_LONG, "The request URL must be at most 8 KiB");
            return;
        }
        if (headerBytes(context) > MAX_HEADER_BYTES) {
            refuse(context, ErrorCode.HEADERS_TOO_LARGE, "The request headers must be at most 16 KiB");
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && isOver(length)) {
            tooLarge(context);
            return;
        }
        context.next();
    }

    private static long headerBytes(RoutingContext context) {
        long bytes = 0;
        for (var header : context.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    /**
     * A database that accepts connections but never answers would otherwise hold requests forever: past the
     * deadline the client gets a 503 problem (Vert.x' TimeoutHandler would answer with an empty body). A write
     * that has already begun its COMMIT is waited for instead (checked again every 100 ms), so that 503 never
     * hides a write that went through (RequestDeadline).
     */
    private void deadline(RoutingContext context) {
        RequestDeadline deadline = RequestDeadline.start(context);
        long[] timer = new long[1];
        Handler<Long> expire = new Handler<>() {
            @Override
            public void handle(Long fired) {
                if (context.response().headWritten()) {
                    return;
                }
                if (deadline.pass()) {
                    if (deadline.answer() != null) {
                        deadline.answer().run();
                        return;
                    }
                    context.response().putHeader("Retry-After", "5");
                    send(context, ErrorCode.SERVICE_UNAVAILABLE, UNAVAILABLE);
                } else {
                    timer[0] = context.vertx().setTimer(COMMIT_POLL_MILLIS, this);
                }
            }
        };
        timer[0] = context.vertx().setTimer(app.requestTimeout().toMillis(), expire);
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer[0]));
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        refuse(context, ErrorCode.PAYLOAD_TOO_LARGE, "The request body must be at most 64 KiB");
    }

    /** Refuses before reading the rest of the request, so the connection is not reused. */
    private void refuse(RoutingContext context, ErrorCode code, String detail) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(context, code, detail);
    }

    private static boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void send(RoutingContext context, ErrorCode code, String detail) {
        int status = ProblemMappers.statusOf(code);
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        try {
            String body = json.writeValueAsString(Problem.of(status, code, detail, null, RequestIds.of(context)));
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }

    /** Paths are echoed only when plain, so odd bytes never reach the body. */
    private static String safePath(RoutingContext context) {
        String path = context.request().path();
        return path != null && path.length() <= 200 && path.matches("[A-Za-z0-9/._~-]*") ? path : "this path";
    }
}
