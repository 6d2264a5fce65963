package dev.todoapp.config;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * smallrye-jwt verifies HS256 with a JWK; operators set a plain {@code JWT_SECRET_KEY} (as PyJWT or
 * jose would use it). This derives the JWK from the UTF-8 bytes of that secret.
 */
public class JwtKeyConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue secret = context.getValue("jwt.secret");
        if (secret == null || secret.getValue() == null || secret.getValue().isEmpty()) {
            return List.of();
        }
        String k = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret.getValue().getBytes(StandardCharsets.UTF_8));
        String jwk = "{\"kty\":\"oct\",\"alg\":\"HS256\",\"k\":\"" + k + "\"}";
        return List.of(new PropertiesConfigSource(Map.of(
                "mp.jwt.verify.publickey", jwk,
                "mp.jwt.verify.publickey.algorithm", "HS256"), "JWT_SECRET_KEY", 275));
    }
}
