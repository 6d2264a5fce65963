package dev.todoapp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky binaries) for the tests, shared by every test class of a run. It can be
 * stopped and started again on the same port and data to test outages.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static int port;
    private static Path directory;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                port = freePort();
                directory = Files.createTempDirectory("todo-test-pg");
                startPostgres();
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::closeQuietly));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "local-database.enabled", "false");
    }

    @Override
    public void stop() {
        // kept for the whole JVM: restarting PostgreSQL per test class costs seconds each
    }

    public static synchronized void stopPostgres() throws IOException {
        postgres.close();
    }

    public static synchronized void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .start();
    }

    /**
     * Freezes PostgreSQL (SIGSTOP to the postmaster and every backend): connections stay open and new ones
     * are accepted by the kernel, but nothing answers — a hung database rather than a stopped one.
     */
    public static synchronized void freezePostgres() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public static synchronized void thawPostgres() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private static void signal(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("kill", signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> command.add(Long.toString(p.pid())));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IOException("kill " + signal + " exited " + exit);
        }
    }

    private static synchronized void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting; nothing left to do
        }
    }

    public static int port() {
        return port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
