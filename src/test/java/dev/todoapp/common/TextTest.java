package dev.todoapp.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The OpenAPI publishes Text.TIMESTAMP as the schema's pattern: it must accept exactly what the service reads. */
class TextTest {

    private static final Pattern SCHEMA_PATTERN = Pattern.compile(Text.TIMESTAMP);

    @Test
    void twentyNinthOfFebruaryOnlyInLeapYears() {
        assertEquals(Optional.of(Instant.parse("2024-02-29T10:00:00Z")), Text.timestamp("2024-02-29T10:00:00Z"));
        assertTrue(Text.timestamp("2000-02-29T10:00:00Z").isPresent());
        assertFalse(Text.timestamp("2023-02-29T10:00:00Z").isPresent());
        assertFalse(Text.timestamp("1900-02-29T10:00:00Z").isPresent());
        assertFalse(SCHEMA_PATTERN.matcher("2023-02-29T10:00:00Z").matches());
        assertFalse(SCHEMA_PATTERN.matcher("1900-02-29T10:00:00Z").matches());
    }

    @Test
    void onlyAsciiDigits() {
        String arabicIndic = "\u0662\u0660\u0662\u0666-11-26T10:00:00Z";
        assertFalse(Text.timestamp(arabicIndic).isPresent());
        assertFalse(SCHEMA_PATTERN.matcher(arabicIndic).matches());
    }

    @Test
    void schemaPatternAndParserAgreeOnEveryDayOfFourCenturiesAndOddShapes() {
        for (LocalDate day = LocalDate.of(1899, 1, 1); day.isBefore(LocalDate.of(2301, 1, 1)); day = day.plusDays(1)) {
            assertAgree(day + "T23:59:59.123+05:30");
        }
        for (int year : List.of(1, 4, 100, 400, 2000, 2100, 9996, 9999)) {
            for (int dayOfMonth = 28; dayOfMonth <= 31; dayOfMonth++) {
                assertAgree("%04d-02-%02dT00:00:00Z".formatted(year, dayOfMonth));
            }
        }
        for (String odd : List.of("0000-01-01T00:00:00Z", "2026-11-26t10:00:00z", "2026-11-26T10:00:00+18:00",
                "2026-11-26T10:00:00+18:01", "2026-11-26T10:00:00-17:59", "2026-11-26T24:00:00Z",
                "2026-11-26T10:00:60Z", "2026-11-26T10:00Z", "2026-11-26T10:00:00", "2026-11-26T10:00:00.1234567890Z",
                "2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "+2026-11-26T10:00:00Z")) {
            assertAgree(odd);
        }
    }

    private static void assertAgree(String value) {
        assertEquals(SCHEMA_PATTERN.matcher(value).matches(), Text.timestamp(value).isPresent(), value);
    }
}
