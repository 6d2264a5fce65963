package dev.todoapp.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged artifact started as production starts it (ENVIRONMENT=production, DATABASE_URL) against the
 * test PostgreSQL, its output in {@code log}; ready when /q/health/ready says so.
 */
public final class PackagedService {

    private final Process process;
    private final URI base;

    private PackagedService(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** {@code environment} adds to or overrides the production settings every such test needs. */
    public static PackagedService start(Path log, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        String pgUrl = new PostgresResource().start().get("quarkus.datasource.reactive.url");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(PackagedArtifact.command(jvmOptions))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.matches(
                "JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|SMTP_.*|MAIL_.*|RATE_LIMIT_.*|PASSWORD_HASH_.*|LOG_.*"));
        Map<String, String> settings = new HashMap<>(Map.of(
                "ENVIRONMENT", "production",
                "DATABASE_URL", pgUrl.replace("postgresql://", "postgresql://postgres:postgres@") + "?sslmode=disable",
                "PORT", Integer.toString(port),
                "MANAGEMENT_PORT", "0",
                "SMTP_HOST", "127.0.0.1"));
        settings.putAll(environment);
        builder.environment().putAll(settings);
        PackagedService service = new PackagedService(builder.start(), URI.create("http://127.0.0.1:" + port));
        service.awaitReady(log);
        return service;
    }

    private void awaitReady(Path log) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            assertTrue(process.isAlive(), "the service died at startup:\n" + Files.readString(log));
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertTrue(System.nanoTime() < deadline, "not ready within 90 s:\n" + Files.readString(log));
            Thread.sleep(100);
        }
    }

    public URI base() {
        return base;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
