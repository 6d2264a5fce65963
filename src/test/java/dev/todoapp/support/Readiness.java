package dev.todoapp.support;

import java.time.Duration;
import java.time.Instant;

/** Waits for /q/health/ready to answer a status, e.g. for the service to notice PostgreSQL is back. */
public final class Readiness {

    private Readiness() {
    }

    public static boolean await(int status, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (RawHttp.send(RawHttp.request("/q/health/ready").GET().build()).statusCode() == status) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
