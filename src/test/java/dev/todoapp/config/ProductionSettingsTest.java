package dev.todoapp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The startup checks for secrets and transport, and how settings are read (issue 12 items 9, 11, 13). */
class ProductionSettingsTest {

    private static final Map<String, String> VALID_PRODUCTION = Map.of(
            "ENVIRONMENT", "production",
            "DATABASE_URL", "postgresql://u:p@ep-x.neon.tech/todo?sslmode=verify-full",
            "FRONTEND_URL", "https://todo.example.com",
            "SMTP_HOST", "smtp.example.com",
            "SMTP_FROM_EMAIL", "no-reply@example.com");

    private static ProductionSettings settings(Map<String, String> env) {
        return new ProductionSettings(new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(env, "env", 300)).build());
    }

    private static ProductionSettings production(String name, String value) {
        Map<String, String> env = new HashMap<>(VALID_PRODUCTION);
        env.put(name, value);
        return settings(env);
    }

    @Test
    void aRandomSecretOfThirtyTwoBytesPasses() {
        assertEquals(List.of(), production("JWT_SECRET_KEY", "q0Yt7vX2mN9pL4sR8wK1zB6cF3hJ5dG0").problems());
        // 11 characters, but 33 bytes of UTF-8: the HMAC key is the bytes
        assertEquals(List.of(), production("JWT_SECRET_KEY", "€".repeat(11)).problems());
    }

    @Test
    void aShortSecretIsRefusedCountingBytes() {
        List<String> problems = production("JWT_SECRET_KEY", "x".repeat(31)).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("JWT_SECRET_KEY is too short (at least 32 bytes"), problems.toString());
    }

    @Test
    void aShortAdminTokenIsRefusedInProductionAndAnAbsentOneIsFine() {
        Map<String, String> env = new HashMap<>(VALID_PRODUCTION);
        env.put("JWT_SECRET_KEY", "q0Yt7vX2mN9pL4sR8wK1zB6cF3hJ5dG0");
        assertEquals(List.of(), settings(env).problems(), "no ADMIN_TOKEN: the endpoints are off");
        env.put("ADMIN_TOKEN", "k".repeat(32));
        assertEquals(List.of(), settings(env).problems());
        env.put("ADMIN_TOKEN", "guessable");
        List<String> problems = settings(env).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("ADMIN_TOKEN is too short"), problems.toString());
        assertFalse(problems.get(0).contains("guessable"), "never the value");
    }

    @Test
    void theLocalDefaultAndTheTemplatePlaceholderAreRefusedInProduction() throws IOException {
        String localDefault = property("src/main/resources/application.properties", "jwt\\.secret=\\$\\{JWT_SECRET_KEY:([^}]+)}");
        String placeholder = property("deploy/kubernetes/base/secret.template.yaml", "\\n\\s+JWT_SECRET_KEY: (\\S+)");
        for (String published : List.of(localDefault, placeholder)) {
            List<String> problems = production("JWT_SECRET_KEY", published).problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith("JWT_SECRET_KEY is a published example value"), problems.toString());
            assertFalse(problems.get(0).contains(published), "the value itself is never printed");
        }
        // outside production the local default is what a local run uses
        assertEquals(List.of(), settings(Map.of("JWT_SECRET_KEY", localDefault)).problems());
    }

    @Test
    void sslmodeRequireInProductionIsWarnedAbout() {
        List<String> warnings = production("DATABASE_URL", "postgresql://u:p@ep-x.neon.tech/todo?sslmode=require").warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("sslmode=require") && warnings.get(0).contains("verify-full"), warnings.get(0));
        assertFalse(warnings.get(0).contains("u:p@"), "no credentials in the warning");
        assertEquals(List.of(), settings(VALID_PRODUCTION).warnings());
        assertEquals(List.of(), settings(Map.of("DATABASE_URL", "postgresql://u:p@localhost/todo?sslmode=require")).warnings(),
                "a local run is not warned about");
    }

    @Test
    void aMalformedRateLimitStopsStartupNamingTheSetting() {
        // read as the environment is: RATE_LIMIT_LOGIN_PER_IP is rate-limit.login-per-ip
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(RateLimitConfig.class)
                .withSources(new EnvConfigSource(Map.of("RATE_LIMIT_LOGIN_PER_IP", "twenty a minute"), 300));
        RuntimeException refused = assertThrows(RuntimeException.class, builder::build);
        String message = messages(refused);
        assertTrue(message.contains("rate-limit.login-per-ip") || message.contains("RATE_LIMIT_LOGIN_PER_IP"), message);
        assertTrue(message.contains("20/PT1M"), "says what is expected: " + message);

        SmallRyeConfig valid = new SmallRyeConfigBuilder().withMapping(RateLimitConfig.class)
                .withSources(new EnvConfigSource(Map.of("RATE_LIMIT_REGISTER_PER_IP", "100/PT1H"), 300)).build();
        assertEquals(new RateLimitConfig.Limit(100, java.time.Duration.ofHours(1)), valid.getConfigMapping(RateLimitConfig.class).registerPerIp());
    }

    @Test
    void productionServesNoSwaggerUi() {
        SmallRyeConfig production = new SmallRyeConfigBuilder().withSources(new ProductionSurfaceConfigSourceFactory())
                .withSources(new PropertiesConfigSource(Map.of("service.environment", "production"), "env", 300)).build();
        assertEquals("false", production.getConfigValue("quarkus.swagger-ui.enabled").getValue());
        SmallRyeConfig local = new SmallRyeConfigBuilder().withSources(new ProductionSurfaceConfigSourceFactory())
                .withSources(new PropertiesConfigSource(Map.of("service.environment", "local"), "env", 300)).build();
        assertEquals(null, local.getConfigValue("quarkus.swagger-ui.enabled").getValue());
    }

    private static String property(String file, String pattern) throws IOException {
        Matcher m = Pattern.compile(pattern).matcher(Files.readString(Path.of(file)));
        assertTrue(m.find(), pattern + " in " + file);
        return m.group(1);
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
