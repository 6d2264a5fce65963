package dev.todoapp.mail;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reading received mail in tests. */
public final class Mails {

    private static final Pattern RESET_LINK = Pattern.compile("(https?://[^\\s\"<]+/reset-password\\?token=([A-Za-z0-9_-]+))");

    private static final Pattern VERIFY_LINK = Pattern.compile("(https?://[^\\s\"<]+/verify-email\\?token=([A-Za-z0-9_-]+))");

    private Mails() {
    }

    static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isSignUpVerification(MimeMessage message) {
        try {
            return "Confirm your email address".equals(message.getSubject());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of the part with this MIME type (text/plain or text/html) of a multipart/alternative mail. */
    public static String part(MimeMessage message, String mimeType) {
        try {
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return (String) part.getContent();
                }
            }
            throw new AssertionError("no " + mimeType + " part");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole reset link in {@code text}. */
    public static String resetLink(String text) {
        Matcher m = RESET_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no reset link in the mail");
        }
        return m.group(1);
    }

    public static String resetToken(String text) {
        Matcher m = RESET_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no reset link in the mail");
        }
        return m.group(2);
    }

    /** The token of the verification or email-change link in {@code text}. */
    public static String verifyToken(String text) {
        Matcher m = VERIFY_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no verification link in the mail");
        }
        return m.group(2);
    }

    public static String verifyLink(String text) {
        Matcher m = VERIFY_LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no verification link in the mail");
        }
        return m.group(1);
    }
}
