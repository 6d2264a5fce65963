package dev.todoapp.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A libpq/Neon connection URI ({@code postgresql://user:pass@host:port/db?sslmode=require})
 * taken apart into what the reactive and the JDBC (migration) datasources need.
 */
public record DatabaseUrl(String host, int port, String database, String username, String password,
                          String sslMode, Map<String, String> otherParameters) {

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public static DatabaseUrl parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URI (expected postgresql://user:password@host/db?sslmode=require)");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equalsIgnoreCase(scheme) && !"postgres".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("must start with postgresql:// (expected postgresql://user:password@host/db?sslmode=require)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("has no host");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (path.isBlank()) {
            throw new IllegalArgumentException("has no database name");
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("has no user name");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                parameters.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        String sslMode = parameters.remove("sslmode");
        sslMode = sslMode == null ? "prefer" : sslMode.toLowerCase(Locale.ROOT);
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("has an unknown sslmode (use disable, prefer, require, verify-ca or verify-full)");
        }
        // libpq-only knobs the Java clients do not understand
        parameters.remove("channel_binding");
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new DatabaseUrl(uri.getHost(), port, decode(path), username, password, sslMode, Map.copyOf(parameters));
    }

    public String reactiveUrl() {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
                .append(database).append("?sslmode=").append(sslMode);
        otherParameters.forEach((k, v) -> url.append('&').append(k).append('=').append(v));
        return url.toString();
    }

    /** The Vert.x client has no "prefer"/"allow": they try TLS first like libpq, so map them to its "prefer"/"allow". */
    public String reactiveSslMode() {
        return switch (sslMode) {
            case "verify-ca", "verify-full" -> "verify-full";
            default -> sslMode;
        };
    }

    /** libpq's require/prefer/allow encrypt without checking the certificate; only verify-* check it. */
    public boolean trustAllCertificates() {
        return !sslMode.startsWith("verify");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
