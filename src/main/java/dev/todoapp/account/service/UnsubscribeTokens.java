package dev.todoapp.account.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.config.JwtConfig;

/**
 * The token of a one-click unsubscribe link (RFC 8058): the user id and an HMAC of it, so nothing is
 * stored and the link works for as long as the mail is kept. It can only turn mail off. The key is
 * derived from JWT_SECRET_KEY with a label of its own, as the outbox key is.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final String KEY_LABEL = "todo-service unsubscribe v1";
    private static final int MAC_BYTES = 16;
    private static final int TOKEN_BYTES = 16 + MAC_BYTES;

    private final byte[] key;

    public UnsubscribeTokens(JwtConfig jwt) {
        this.key = hmac(jwt.secret().getBytes(StandardCharsets.UTF_8), KEY_LABEL.getBytes(StandardCharsets.UTF_8));
    }

    public String issue(UUID userId) {
        byte[] id = idBytes(userId);
        byte[] token = Arrays.copyOf(id, TOKEN_BYTES);
        System.arraycopy(hmac(key, id), 0, token, id.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The user a token was issued for; empty when it is malformed or not ours. */
    public Optional<UUID> userOf(String token) {
        if (token == null || token.length() > 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != TOKEN_BYTES) {
            return Optional.empty();
        }
        byte[] id = Arrays.copyOf(bytes, 16);
        byte[] expected = Arrays.copyOf(hmac(key, id), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, 16, TOKEN_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    private static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
