package dev.todoapp.config;

import java.net.URI;
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
    }

    List<String> problems() {
        boolean production = "production".equalsIgnoreCase(env("ENVIRONMENT").orElse(""));
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
        } else if (jwtSecret.get().length() < 32) {
            problems.add("JWT_SECRET_KEY is too short (at least 32 characters)");
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
