package dev.todoapp.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Maps the deployment's {@code SMTP_*} variables onto Quarkus' mailer: with TLS on, port 465 means
 * implicit TLS and any other port STARTTLS (required, never silently plain).
 */
public class SmtpConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(mailerProperties(name -> {
            ConfigValue value = context.getValue(name);
            return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
        }), "SMTP_*", 275));
    }

    static Map<String, String> mailerProperties(Function<String, String> env) {
        boolean useTls = !"false".equalsIgnoreCase(env.apply("SMTP_USE_TLS"));
        String port = env.apply("SMTP_PORT");
        if (port == null || !port.matches("\\d{1,5}")) {
            // an invalid value is reported by ProductionSettings, without echoing it
            port = useTls ? "587" : "25";
        }
        boolean implicitTls = useTls && port.equals("465");
        Map<String, String> properties = new HashMap<>();
        properties.put("quarkus.mailer.host", env.apply("SMTP_HOST") == null ? "localhost" : env.apply("SMTP_HOST"));
        properties.put("quarkus.mailer.port", port);
        properties.put("quarkus.mailer.tls", Boolean.toString(implicitTls));
        properties.put("quarkus.mailer.start-tls", useTls && !implicitTls ? "REQUIRED" : "DISABLED");
        String username = env.apply("SMTP_USERNAME");
        if (username != null) {
            properties.put("quarkus.mailer.username", username);
            properties.put("quarkus.mailer.login", "REQUIRED");
        } else {
            properties.put("quarkus.mailer.login", "DISABLED");
        }
        String password = env.apply("SMTP_PASSWORD");
        if (password != null) {
            properties.put("quarkus.mailer.password", password);
        }
        return properties;
    }
}
