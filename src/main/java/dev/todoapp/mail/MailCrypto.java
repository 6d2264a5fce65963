package dev.todoapp.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.config.JwtConfig;

/**
 * Seals outbox bodies with AES-256-GCM, so a database dump holds no usable reset link. The key is
 * derived from JWT_SECRET_KEY (HMAC with a fixed label: a separate key, no extra secret to manage);
 * the row id is the associated data, so a body cannot be moved to another row.
 */
@ApplicationScoped
public class MailCrypto {

    private static final String KEY_LABEL = "todo-service mail outbox v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The two parts of a mail as stored. */
    public record Body(String html, String text) {
    }

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public MailCrypto(JwtConfig jwt) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwt.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    /** nonce || ciphertext of (html length, html, text). */
    public byte[] seal(UUID rowId, String html, String text) {
        byte[] htmlBytes = html.getBytes(StandardCharsets.UTF_8);
        byte[] textBytes = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(4 + htmlBytes.length + textBytes.length)
                .putInt(htmlBytes.length).put(htmlBytes).put(textBytes);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, rowId, nonce).doFinal(plain.array());
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** Fails when the key changed or the bytes were altered. */
    public Body open(UUID rowId, byte[] sealed) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(sealed);
        byte[] nonce = new byte[NONCE_BYTES];
        in.get(nonce);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        ByteBuffer plain = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, rowId, nonce).doFinal(body));
        byte[] html = new byte[plain.getInt()];
        plain.get(html);
        byte[] text = new byte[plain.remaining()];
        plain.get(text);
        return new Body(new String(html, StandardCharsets.UTF_8), new String(text, StandardCharsets.UTF_8));
    }

    private Cipher cipher(int mode, UUID rowId, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(rowId.toString().getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
