package dev.todoapp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** DATABASE_URL as Neon shows it becomes the reactive and the JDBC datasource settings. */
class DatabaseUrlTest {

    @Test
    void aNeonUrlIsTakenApart() {
        DatabaseUrl url = DatabaseUrl.parse(
                "postgresql://alex:p%40ss%3Aw0rd@ep-cool-name-123.eu-central-1.aws.neon.tech/neondb?sslmode=require&channel_binding=require");
        assertEquals("ep-cool-name-123.eu-central-1.aws.neon.tech", url.host());
        assertEquals(5432, url.port());
        assertEquals("neondb", url.database());
        assertEquals("alex", url.username());
        assertEquals("p@ss:w0rd", url.password(), "percent-encoded characters of the password are decoded");
        assertEquals("require", url.sslMode());
        assertEquals(Map.of(), url.otherParameters(), "libpq-only channel_binding is dropped");
        assertEquals("postgresql://ep-cool-name-123.eu-central-1.aws.neon.tech:5432/neondb", url.reactiveUrl());
        assertEquals("jdbc:postgresql://ep-cool-name-123.eu-central-1.aws.neon.tech:5432/neondb?sslmode=require", url.jdbcUrl());
        assertTrue(url.trustAllCertificates(), "require encrypts without checking the certificate, as libpq does");
    }

    @Test
    void portSchemeAliasAndDefaultsAreHonoured() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://app@db.internal:6543/todo?application_name=api");
        assertEquals(6543, url.port());
        assertEquals("prefer", url.sslMode(), "no sslmode means libpq's default");
        assertEquals(null, url.password());
        assertEquals("jdbc:postgresql://db.internal:6543/todo?sslmode=prefer&application_name=api", url.jdbcUrl());
    }

    @Test
    void verifyModesCheckTheCertificate() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h/db?sslmode=verify-ca");
        assertEquals("verify-full", url.reactiveSslMode());
        assertFalse(url.trustAllCertificates());
    }

    @Test
    void brokenUrlsSayWhatIsWrongWithoutEchoingThem() {
        Map<String, String> expected = Map.of(
                "", "is empty",
                "mysql://u:p@h/db", "must start with postgresql://",
                "postgresql://u:p@/db", "has no host",
                "postgresql://u:p@h/", "has no database name",
                "postgresql://h/db", "has no user name",
                "postgresql://u:secret@h/db?sslmode=sometimes", "has an unknown sslmode");
        expected.forEach((value, message) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(value), value);
            assertTrue(e.getMessage().startsWith(message), value + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "the password never appears in the message");
        });
    }
}
