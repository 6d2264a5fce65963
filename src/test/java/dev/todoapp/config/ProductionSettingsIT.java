package dev.todoapp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PackagedArtifact;

/**
 * Starts the packaged service (the native binary in a native run, the jar otherwise) the way
 * production does (ENVIRONMENT=production) with broken settings: it must refuse to start, name every
 * bad variable once, and print no secret.
 */
class ProductionSettingsIT {

    private record Outcome(int exitCode, String output) {
    }

    private static Outcome start(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command(List.of())).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.matches("DATABASE_URL|JWT_SECRET_KEY|FRONTEND_URL|SMTP_.*|MAIL_.*|PORT|ENVIRONMENT"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", "18" + (100 + (int) (Math.random() * 800)));
        // any free port for metrics: several runs may share the machine
        builder.environment().put("MANAGEMENT_PORT", "0");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the service must exit on its own, not hang");
        return new Outcome(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void nothingSetListsEveryRequiredVariable() throws Exception {
        Outcome outcome = start(Map.of("ENVIRONMENT", "production"));
        assertNotEquals(0, outcome.exitCode());
        for (String name : new String[] {"DATABASE_URL", "JWT_SECRET_KEY", "FRONTEND_URL", "SMTP_HOST", "SMTP_FROM_EMAIL"}) {
            assertTrue(outcome.output().contains(name + " is required"), name + " missing from:\n" + outcome.output());
        }
        String firstError = outcome.output().lines().filter(l -> l.contains("ERROR")).findFirst().orElse("");
        assertTrue(firstError.contains("Invalid configuration, the service cannot start"),
                "the first error is the one clear message:\n" + outcome.output());
    }

    @Test
    void invalidValuesAreNamedButNeverPrinted() throws Exception {
        Outcome outcome = start(Map.of(
                "ENVIRONMENT", "production",
                "DATABASE_URL", "mysql://admin:hunter2-db-password@db.example/app",
                "JWT_SECRET_KEY", "short-secret-xyz",
                "FRONTEND_URL", "http://insecure.example",
                "MAIL_TRANSPORT", "log",
                "SMTP_PORT", "smtp-port-not-a-number",
                "SMTP_FROM_EMAIL", "noreply@example.com"));
        assertNotEquals(0, outcome.exitCode());
        String out = outcome.output();
        assertTrue(out.contains("DATABASE_URL must start with postgresql://"), out);
        assertTrue(out.contains("JWT_SECRET_KEY is too short"), out);
        assertTrue(out.contains("FRONTEND_URL has an invalid origin"), out);
        assertTrue(out.contains("MAIL_TRANSPORT=log"), out);
        assertTrue(out.contains("SMTP_PORT must be a port number"), out);
        for (String secret : new String[] {"hunter2-db-password", "short-secret-xyz", "smtp-port-not-a-number"}) {
            assertFalse(out.contains(secret), "a value was printed: " + secret);
        }
    }

    @Test
    void theHttpsMailTransportNeedsItsKey() throws Exception {
        Outcome outcome = start(Map.of(
                "ENVIRONMENT", "production",
                "MAIL_TRANSPORT", "resend",
                "SMTP_USE_TLS", "tls-maybe-xyz"));
        assertNotEquals(0, outcome.exitCode());
        String out = outcome.output();
        assertTrue(out.contains("MAIL_API_KEY is required when MAIL_TRANSPORT=resend"), out);
        assertTrue(out.contains("SMTP_USE_TLS must be true or false"), out);
        assertFalse(out.contains("SMTP_HOST is required"), "SMTP is not used with resend:\n" + out);
        assertFalse(out.contains("tls-maybe-xyz"), "a value was printed");
    }
}
