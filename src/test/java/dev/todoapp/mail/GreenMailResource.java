package dev.todoapp.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server in-process (GreenMail, implicit TLS with a login), on one port for the whole run
 * so a test can stop it and start it again to play an outage.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "mailer";
    public static final String PASSWORD = "mailer-secret";
    private static int port;
    private static GreenMail server;

    @Override
    public synchronized Map<String, String> start() {
        if (port == 0) {
            port = freePort();
        }
        startServer();
        return Map.ofEntries(
                Map.entry("mail.transport", "smtp"),
                Map.entry("SMTP_HOST", "127.0.0.1"),
                Map.entry("SMTP_PORT", Integer.toString(port)),
                Map.entry("SMTP_USERNAME", USER),
                Map.entry("SMTP_PASSWORD", PASSWORD),
                Map.entry("SMTP_USE_TLS", "true"),
                // GreenMail speaks implicit TLS (no STARTTLS) on a random port, not on 465
                Map.entry("quarkus.mailer.tls", "true"),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                // GreenMail's certificate is self-signed
                Map.entry("quarkus.mailer.tls-configuration-name", "greenmail"),
                Map.entry("quarkus.tls.greenmail.trust-all", "true"),
                // a fresh connection per mail, so an outage is seen at once
                Map.entry("quarkus.mailer.keep-alive", "false"));
    }

    @Override
    public synchronized void stop() {
        stopServer();
    }

    public static synchronized void startServer() {
        if (server == null) {
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
            // the default 2 s is too short on a loaded machine (several suites share two cores)
            setup.setServerStartupTimeout(30_000);
            server = new GreenMail(setup)
                    .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));
            server.start();
        }
    }

    public static synchronized void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    public static synchronized List<MimeMessage> received() {
        return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
    }

    /**
     * The messages sent to {@code address}, waiting up to {@code timeout} for at least {@code count}, leaving
     * out the sign-up verification mail that every {@code TestAccounts.signUp} causes.
     */
    public static List<MimeMessage> awaitMails(String address, int count, Duration timeout) {
        return awaitMails(address, count, timeout, m -> !Mails.isSignUpVerification(m));
    }

    /** Every message sent to {@code address}, sign-up verification mails included. */
    public static List<MimeMessage> awaitAllMails(String address, int count, Duration timeout) {
        return awaitMails(address, count, timeout, m -> true);
    }

    private static List<MimeMessage> awaitMails(String address, int count, Duration timeout, Predicate<MimeMessage> counted) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MimeMessage> mails = received().stream().filter(m -> Mails.isTo(m, address)).filter(counted).toList();
            if (mails.size() >= count || System.nanoTime() > deadline) {
                return mails;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mails;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
