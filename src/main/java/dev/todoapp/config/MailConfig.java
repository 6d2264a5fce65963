package dev.todoapp.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who mail comes from, how it leaves, and how hard the outbox tries. */
@ConfigMapping(prefix = "mail")
public interface MailConfig {

    Set<String> TRANSPORTS = Set.of("smtp", "resend", "sendgrid", "log");

    /** {@code MAIL_TRANSPORT}; see {@link #transportOrDefault}. */
    Optional<String> transport();

    /** {@code SMTP_FROM_EMAIL}: the sender of every transport. */
    String fromEmail();

    /** {@code SMTP_FROM_NAME}. */
    String fromName();

    /** The product name mails greet with. */
    String appName();

    /** {@code MAIL_API_KEY}: the key of the HTTPS email API. */
    Optional<String> apiKey();

    Outbox outbox();

    Log log();

    interface Log {

        /** Whether the log transport prints the body (with its link) and the full address. */
        @WithDefault("true")
        boolean showBody();
    }

    interface Outbox {

        /** Off for an instance that should only serve requests; rows wait for another instance. */
        @WithDefault("true")
        boolean dispatcherEnabled();

        /** Attempts before a mail is marked dead. */
        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubled per attempt, with jitter, up to {@link #maxDelay()}. */
        @WithDefault("PT5S")
        Duration baseDelay();

        @WithDefault("PT10M")
        Duration maxDelay();

        /** Safety poll for rows another instance left behind; kept long so an idle database can sleep. */
        @WithDefault("PT10M")
        Duration pollInterval();

        /** How long a claimed row stays reserved for its sender; longer than any send may take. */
        @WithDefault("PT2M")
        Duration lease();

        @WithDefault("PT30S")
        Duration sendTimeout();

        @WithDefault("10")
        int batchSize();

        /**
         * Dispatch runs one instance may have going at once. Each sends its batch and waits for all of it, so
         * a send that hangs (until {@link #sendTimeout()}) holds one run; the others keep mail moving.
         */
        @WithDefault("4")
        int concurrency();
    }

    /** Unset means smtp in production and log (print the mail) everywhere else. */
    static String transportOrDefault(Optional<String> configured, boolean production) {
        return configured.map(String::trim).filter(t -> !t.isEmpty()).map(String::toLowerCase)
                .orElse(production ? "smtp" : "log");
    }
}
