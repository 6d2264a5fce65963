package dev.todoapp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import io.vertx.core.impl.NoStackTraceThrowable;

/**
 * The ways the database connection breaks arrive as different exceptions, often wrapped; each is a
 * fast 503 the client may retry, never a 500. DatabaseFaultUnderLoadTest met a reset mid-query only
 * now and then, so the mapping is pinned here.
 */
class DatabaseFailureMappingTest {

    private final ProblemMappers mappers = new ProblemMappers(new AllowedMethods(null));

    @Test
    void brokenConnectionsAre503WithRetryAfter() {
        for (Throwable failure : new Throwable[] {
                new SocketException("Connection reset"),
                new ConnectException("Connection refused"),
                new IllegalStateException("wrapped", new SocketException("Connection reset")),
                // how the Vert.x pool reports a connect timeout: a Throwable, not an Exception
                new NoStackTraceThrowable("Timeout"),
        }) {
            Response response = mappers.internal(failure);
            assertEquals(503, response.getStatus(), failure.toString());
            assertEquals("5", response.getHeaderString("Retry-After"));
        }
    }

    @Test
    void otherFailuresStay500() {
        assertEquals(500, mappers.internal(new IOException("disk full")).getStatus());
        assertEquals(500, mappers.internal(new IllegalStateException("bug")).getStatus());
    }
}
