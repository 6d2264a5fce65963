package dev.todoapp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SmtpConfigSourceFactoryTest {

    private static Map<String, String> mailer(Map<String, String> env) {
        return SmtpConfigSourceFactory.mailerProperties(env::get);
    }

    @Test
    void port587UsesRequiredStartTls() {
        Map<String, String> p = mailer(Map.of("SMTP_HOST", "smtp.example.com", "SMTP_PORT", "587",
                "SMTP_USERNAME", "apikey", "SMTP_PASSWORD", "secret"));
        assertEquals("smtp.example.com", p.get("quarkus.mailer.host"));
        assertEquals("587", p.get("quarkus.mailer.port"));
        assertEquals("false", p.get("quarkus.mailer.tls"));
        assertEquals("REQUIRED", p.get("quarkus.mailer.start-tls"));
        assertEquals("REQUIRED", p.get("quarkus.mailer.login"));
        assertEquals("apikey", p.get("quarkus.mailer.username"));
        assertEquals("secret", p.get("quarkus.mailer.password"));
    }

    @Test
    void port465UsesImplicitTls() {
        Map<String, String> p = mailer(Map.of("SMTP_HOST", "smtp.example.com", "SMTP_PORT", "465"));
        assertEquals("true", p.get("quarkus.mailer.tls"));
        assertEquals("DISABLED", p.get("quarkus.mailer.start-tls"));
        assertEquals("DISABLED", p.get("quarkus.mailer.login"));
    }

    @Test
    void tlsCanBeTurnedOffForALocalRelay() {
        Map<String, String> p = mailer(Map.of("SMTP_HOST", "localhost", "SMTP_USE_TLS", "false"));
        assertEquals("25", p.get("quarkus.mailer.port"));
        assertEquals("false", p.get("quarkus.mailer.tls"));
        assertEquals("DISABLED", p.get("quarkus.mailer.start-tls"));
        assertFalse(p.containsKey("quarkus.mailer.password"));
    }

    @Test
    void defaultsToStartTlsOnTheSubmissionPort() {
        Map<String, String> p = mailer(Map.of());
        assertEquals("localhost", p.get("quarkus.mailer.host"));
        assertEquals("587", p.get("quarkus.mailer.port"));
        assertEquals("REQUIRED", p.get("quarkus.mailer.start-tls"));
    }

    @Test
    void anInvalidPortIsLeftToTheStartupCheck() {
        assertEquals("587", mailer(Map.of("SMTP_PORT", "smtp-port-not-a-number")).get("quarkus.mailer.port"));
    }
}
