package dev.todoapp.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reminder and daily-digest mails (issue 17). */
@ConfigMapping(prefix = "reminders")
public interface ReminderConfig {

    /** Off for an instance that should only serve requests; another instance sends. */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** How often due reminders are looked for: a reminder leaves at most this late (plus the outbox's seconds). */
    @WithDefault("PT20S")
    Duration pollInterval();

    /**
     * Reminders claimed per transaction. Small, so one batch's work (templates, sealing, outbox rows) holds an
     * event loop for a short stretch only; with the 2 s pause the list p99 stayed within 20 % during a
     * catch-up (bench/README.md, "Reminder catch-up").
     */
    @WithDefault("25")
    int batchSize();

    /**
     * Rest between two full batches: after downtime the backlog (about 4,200 reminders an hour at 100,000 a
     * day) goes out over about six minutes instead of taking the CPU from the requests being served.
     */
    @WithDefault("PT2S")
    Duration batchPause();

    /** After downtime, a reminder more late than this is skipped (logged and counted) instead of sent. */
    @WithDefault("PT24H")
    Duration maxLateness();

    /**
     * {@code PUBLIC_API_URL}: the API's public origin (https://…), for the one-click unsubscribe link
     * (List-Unsubscribe, RFC 8058), which mail clients POST to directly. Unset (and not on a Hugging Face
     * Space): the mails go out without those headers (docs/operations.md).
     */
    Optional<String> publicApiUrl();

    /** {@code SPACE_HOST}, which Hugging Face sets in every Space (its public host name, served over https). */
    Optional<String> spaceHost();

    /** Where mail clients reach the API: PUBLIC_API_URL, else the Space's own https origin, else nowhere. */
    static Optional<String> apiOrigin(Optional<String> publicApiUrl, Optional<String> spaceHost) {
        return publicApiUrl.or(() -> spaceHost.map(host -> "https://" + host.trim()))
                .map(url -> url.trim().replaceAll("/+$", ""));
    }
}
