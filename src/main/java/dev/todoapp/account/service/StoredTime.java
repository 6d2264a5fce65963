package dev.todoapp.account.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The current time as PostgreSQL stores it (microseconds), so what is compared is what was written. */
final class StoredTime {

    private StoredTime() {
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
