package dev.todoapp.account.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.account.CurrentUser;
import dev.todoapp.config.JwtConfig;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/** Signs access tokens (HS256 with the UTF-8 bytes of JWT_SECRET_KEY) and mints opaque secrets. */
@ApplicationScoped
public class TokenService {

    private final JwtConfig config;
    private final SecretKey signingKey;
    private final SecureRandom random = new SecureRandom();

    public TokenService(JwtConfig config) {
        this.config = config;
        this.signingKey = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String accessToken(UUID userId, UUID sessionId, Instant now) {
        return Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(userId.toString())
                .claim(CurrentUser.SESSION_CLAIM, sessionId.toString())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(config.accessTokenTtl()))
                .jws().algorithm(SignatureAlgorithm.HS256).header("typ", "JWT")
                .sign(signingKey);
    }

    public long accessTokenSeconds() {
        return config.accessTokenTtl().toSeconds();
    }

    public Duration idleLifetime() {
        return config.refreshTokenTtl();
    }

    public Duration maxLifetime() {
        return config.sessionMaxLifetime();
    }

    /** 256 bits from a CSPRNG, URL-safe: for refresh tokens and reset links. */
    public String opaqueToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What is stored instead of an opaque token. */
    public static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
