package dev.todoapp.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;
import org.subethamail.smtp.server.Session;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server on a plain port that upgrades with STARTTLS, as providers do on 587
 * (SubEthaSMTP; GreenMail has no STARTTLS). It requires the upgrade and a login before it takes a
 * mail, and records how each mail came in. With the init arg {@code offer-starttls=false} it is a
 * server that cannot upgrade at all.
 */
public class StartTlsSmtpResource implements QuarkusTestResourceLifecycleManager {

    public record Received(String recipient, String data, boolean overTls, boolean authenticated) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    /** Logins the server was offered, with whether the session was encrypted at that moment. */
    public static final List<Boolean> LOGINS_OVER_TLS = new CopyOnWriteArrayList<>();
    private SMTPServer server;
    private boolean offerStartTls = true;

    @Override
    public void init(Map<String, String> initArgs) {
        offerStartTls = !"false".equals(initArgs.get("offer-starttls"));
    }

    @Override
    public Map<String, String> start() {
        try {
            int port = freePort();
            server = SMTPServer.port(port)
                    .hostName("localhost")
                    .enableTLS(offerStartTls)
                    .requireTLS(offerStartTls)
                    .startTlsSocketFactory(selfSignedContext())
                    .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                        LOGINS_OVER_TLS.add(context instanceof Session session && session.isTLSStarted());
                        if (!GreenMailResource.USER.equals(user) || !GreenMailResource.PASSWORD.equals(password)) {
                            throw new LoginFailedException();
                        }
                    }))
                    .requireAuth()
                    .messageHandler((context, from, to, data) -> RECEIVED.add(new Received(to,
                            new String(data, java.nio.charset.StandardCharsets.UTF_8),
                            context instanceof Session session && session.isTLSStarted(),
                            context.getAuthenticationHandler().isPresent())))
                    .build();
            server.start();
            return Map.ofEntries(
                    Map.entry("mail.transport", "smtp"),
                    Map.entry("SMTP_HOST", "127.0.0.1"),
                    Map.entry("SMTP_PORT", Integer.toString(port)), // not 465: STARTTLS, required
                    Map.entry("SMTP_USERNAME", GreenMailResource.USER),
                    Map.entry("SMTP_PASSWORD", GreenMailResource.PASSWORD),
                    Map.entry("SMTP_USE_TLS", "true"),
                    // the test server's certificate is self-signed
                    Map.entry("quarkus.mailer.tls-configuration-name", "starttls"),
                    Map.entry("quarkus.tls.starttls.trust-all", "true"),
                    Map.entry("quarkus.mailer.keep-alive", "false"));
        } catch (Exception e) {
            throw new IllegalStateException("SMTP test server did not start", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A throwaway RSA certificate for localhost, made with the JDK's keytool. */
    private static SSLContext selfSignedContext() throws Exception {
        Path dir = Files.createTempDirectory("smtp-tls");
        Path store = dir.resolve("server.p12");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path keytool = Path.of(java).resolveSibling("keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "smtp", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
