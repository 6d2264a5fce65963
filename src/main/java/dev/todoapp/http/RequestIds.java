package dev.todoapp.http;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

import io.vertx.ext.web.RoutingContext;

/** The id that ties a response to its log lines: the caller's when it is sane, else a new one. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String KEY = "requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static String assign(RoutingContext context) {
        String offered = context.request().getHeader(HEADER);
        String id = offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        context.put(KEY, id);
        context.response().putHeader(HEADER, id);
        MDC.put(KEY, id);
        return id;
    }

    /** The id of the request being served on this thread, if any. */
    public static String current() {
        Object id = MDC.get(KEY);
        return id == null ? null : id.toString();
    }

    static String of(RoutingContext context) {
        String id = context.get(KEY);
        return id != null ? id : assign(context);
    }
}
