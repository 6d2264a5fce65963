package dev.todoapp.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Checks every environment variable at once before anything else starts, and refuses to start with
 * one message naming each missing or invalid variable (values are never printed).
 */
@ApplicationScoped
public class ProductionSettings {

    public static final int STARTUP_ORDER = 0;
    private static final Set<String> LOG_LEVELS = Set.of("OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE", "ALL");

    private static final Logger LOG = Logger.getLogger(ProductionSettings.class);
    private static final int MIN_SECRET_BYTES = 32;
    /** Secrets anyone can read: the local default in application.properties and the Kubernetes template's placeholder. */
    static final Set<String> PUBLIC_SECRETS = Set.of(
            "local-development-secret-do-not-use-in-production",
            "REPLACE-WITH-AT-LEAST-32-RANDOM-CHARACTERS");

    private final Config config;

    public ProductionSettings(Config config) {
        this.config = config;
    }

    void check(@Observes @Priority(STARTUP_ORDER) StartupEvent event) {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            String message = "Invalid configuration, the service cannot start:\n  - " + String.join("\n  - ", problems);
            // logged on its own so it is the first thing an operator sees, above Quarkus' startup failure
            LOG.error(message);
            throw new InvalidSettingsException(message);
        }
        warnings().forEach(LOG::warn);
    }

    /** Settings that work but weaken production; logged at startup. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (production()) {
            env("DATABASE_URL").flatMap(ProductionSettings::parsedOrEmpty)
                    .filter(DatabaseUrl::trustAllCertificates).filter(url -> !url.sslMode().equals("disable"))
                    .ifPresent(url -> warnings.add("DATABASE_URL has sslmode=" + url.sslMode()
                            + ": the connection is encrypted but any certificate is accepted, so a machine in the path"
                            + " can impersonate the database. Use sslmode=verify-full (Neon supports it; README: Database)."));
        }
        return warnings;
    }

    private static Optional<DatabaseUrl> parsedOrEmpty(String value) {
        try {
            return Optional.of(DatabaseUrl.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private boolean production() {
        return "production".equalsIgnoreCase(env("ENVIRONMENT").orElse(""));
    }

    List<String> problems() {
        boolean production = production();
        List<String> problems = new ArrayList<>();

        Optional<String> databaseUrl = env("DATABASE_URL");
        if (databaseUrl.isEmpty()) {
            if (production) {
                problems.add("DATABASE_URL is required (postgresql://user:password@host/db?sslmode=require)");
            }
        } else {
            try {
                DatabaseUrl.parse(databaseUrl.get());
            } catch (IllegalArgumentException e) {
                problems.add("DATABASE_URL " + e.getMessage());
            }
        }

        Optional<String> jwtSecret = env("JWT_SECRET_KEY");
        if (jwtSecret.isEmpty()) {
            if (production) {
                problems.add("JWT_SECRET_KEY is required (at least 32 characters)");
            }
        } else if (jwtSecret.get().getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            problems.add("JWT_SECRET_KEY is too short (at least 32 bytes; e.g. openssl rand -base64 48)");
        } else if (production && PUBLIC_SECRETS.contains(jwtSecret.get())) {
            problems.add("JWT_SECRET_KEY is a published example value (the local default or the Kubernetes template's"
                    + " placeholder); anyone could sign tokens with it. Set a random one (openssl rand -base64 48)");
        }

        Optional<String> frontendUrl = env("FRONTEND_URL");
        if (frontendUrl.isEmpty()) {
            if (production) {
                problems.add("FRONTEND_URL is required (the UI origin, e.g. https://todo.example.com; comma-separate several)");
            }
        } else {
            for (String origin : frontendUrl.get().split(",")) {
                if (!isOrigin(origin.trim(), production)) {
                    problems.add("FRONTEND_URL has an invalid origin (expected "
                            + (production ? "https://host[:port]" : "http(s)://host[:port]") + ")");
                    break;
                }
            }
        }

        String transport = MailConfig.transportOrDefault(env("MAIL_TRANSPORT"), production);
        if (!MailConfig.TRANSPORTS.contains(transport)) {
            problems.add("MAIL_TRANSPORT must be one of smtp, resend, sendgrid" + (production ? "" : ", log"));
        } else if (production && transport.equals("log")) {
            problems.add("MAIL_TRANSPORT=log only prints mail and is refused in production (use smtp, or resend/sendgrid where SMTP ports are blocked)");
        }
        if (production && transport.equals("smtp") && env("SMTP_HOST").isEmpty()) {
            problems.add("SMTP_HOST is required when MAIL_TRANSPORT=smtp");
        }
        if ((transport.equals("resend") || transport.equals("sendgrid")) && env("MAIL_API_KEY").isEmpty()) {
            problems.add("MAIL_API_KEY is required when MAIL_TRANSPORT=" + transport);
        }
        if (production && env("SMTP_FROM_EMAIL").isEmpty()) {
            problems.add("SMTP_FROM_EMAIL is required (the sender address of every email)");
        }
        env("SMTP_USE_TLS").filter(v -> !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false"))
                .ifPresent(v -> problems.add("SMTP_USE_TLS must be true or false"));
        env("SMTP_PORT").filter(p -> !isPort(p)).ifPresent(p -> problems.add("SMTP_PORT must be a port number (1-65535)"));
        env("PORT").filter(p -> !isPort(p)).ifPresent(p -> problems.add("PORT must be a port number (1-65535)"));
        env("LOG_LEVEL").filter(l -> !LOG_LEVELS.contains(l.toUpperCase()))
                .ifPresent(l -> problems.add("LOG_LEVEL must be one of " + String.join(", ", LOG_LEVELS)));
        env("ADMIN_TOKEN").filter(t -> production && t.length() < 32)
                .ifPresent(t -> problems.add("ADMIN_TOKEN is too short (at least 32 characters; e.g. openssl rand -base64 32), or unset it"));
        return problems;
    }

    private Optional<String> env(String name) {
        return config.getOptionalValue(name, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean isPort(String value) {
        try {
            int port = Integer.parseInt(value);
            return port > 0 && port < 65536;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isOrigin(String value, boolean production) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            boolean schemeOk = "https".equals(scheme) || (!production && "http".equals(scheme));
            return schemeOk && uri.getHost() != null && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
                    && uri.getQuery() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
