package dev.todoapp.http;

import java.io.ByteArrayInputStream;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Lets an API write that a client sent in full run even when the client leaves at once (a reload, a closed tab).
 *
 * <p>Quarkus REST gives up on a request whose connection closes before the resource method is called: its
 * close handler skips the remaining steps (ResteasyReactiveRequestContext.discardRemaining), and those steps
 * wait twice — for the session check of the bearer token, which reads PostgreSQL, and for the body. So
 * both happen here, in Vert.x routes, before Quarkus REST starts: the body is read as it arrives (before a
 * close is even noticed), then the caller's identity is resolved. Quarkus REST then runs to the resource
 * method without waiting, and from there {@link IdempotentWrites} keeps the write going to its commit.
 */
@ApplicationScoped
public class WholeRequests {

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
    /** After Quarkus' authentication route (order -200), which sets up the deferred identity, and before Quarkus REST. */
    private static final int IDENTITY_ORDER = -100;

    private static final String BODY = WholeRequests.class.getName() + ".body";

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 2).handler(WholeRequests::readBody);
        router.route("/api/*").order(IDENTITY_ORDER).handler(WholeRequests::resolveIdentity);
    }

    /**
     * Runs while Vert.x handles the request head, so the handler is in place before the body arrives. (Vert.x'
     * BodyHandler would fail the request on a later disconnect through the exception handler it leaves behind.)
     */
    private static void readBody(RoutingContext context) {
        HttpServerRequest request = context.request();
        // an HTTP/2 stream refuses Quarkus REST's pause once it has ended: it reads its body itself, as before
        if (!WRITES.contains(request.method()) || request.isEnded() || request.version() == HttpVersion.HTTP_2) {
            context.next();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > HttpRoutes.MAX_BODY_BYTES) {
                request.handler(null).endHandler(null);
                context.fail(413);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(ended -> {
            context.put(BODY, body);
            context.next();
        });
        request.resume();
    }

    /**
     * The identity is memoized: Quarkus REST's security check later gets it without waiting. A request the
     * deadline answered meanwhile (the session check waited for a hung database) goes no further.
     */
    private static void resolveIdentity(RoutingContext context) {
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null) {
            context.next();
            return;
        }
        // a failure (a bad or revoked token) is answered by Quarkus REST's security check, as without this route
        identity.subscribe().with(resolved -> continueUnlessAnswered(context), failure -> continueUnlessAnswered(context));
    }

    private static void continueUnlessAnswered(RoutingContext context) {
        if (!context.response().headWritten()) {
            context.next();
        }
    }

    /** Hands the body read above to Quarkus REST, which would otherwise wait to read it again (and find it gone). */
    @ServerRequestFilter(priority = 0)
    public void useBodyReadEarlier(ContainerRequestContext request, RoutingContext context) {
        Buffer body = context.get(BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
