package dev.todoapp.deploy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.todoapp.support.PostgresResource;
import dev.todoapp.support.Scrape;
import dev.todoapp.support.TestAccounts;
import dev.todoapp.support.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Every metric an alert rule or a dashboard panel reads (deploy/monitoring) is one the running service
 * really exposes, once the things it counts have happened: a renamed metric breaks this test, not an
 * alert that silently never fires.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("").toAbsolutePath().resolve("deploy/monitoring");
    /** A metric selector in PromQL: a name followed by its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    /** Made by Prometheus itself for every target, never by the service. */
    private static final Set<String> FROM_PROMETHEUS = Set.of("up");

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void everyMetricOfTheRulesAndTheDashboardExists() throws IOException {
        makeEveryCountedThingHappen();
        Set<String> used = new TreeSet<>();
        used.addAll(metricsIn(Files.readString(MONITORING.resolve("alerts.yml"))));
        used.addAll(metricsIn(Files.readString(MONITORING.resolve("grafana-dashboard.json"))));
        assertTrue(used.size() >= 10, "the files were read: " + used);

        Scrape scrape = Scrape.of(metrics);
        Set<String> missing = new TreeSet<>();
        for (String name : used) {
            if (!FROM_PROMETHEUS.contains(name) && !scrape.has(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "used by deploy/monitoring but not exposed: " + missing);
    }

    @Test
    void thePodAnnotationsPointAtTheManagementPort() throws IOException {
        String deployment = Files.readString(Path.of("").toAbsolutePath().resolve("deploy/kubernetes/base/deployment.yaml"));
        assertTrue(deployment.contains("prometheus.io/port: \"9000\"") && deployment.contains("prometheus.io/path: /q/metrics"));
        assertFalse(deployment.contains("prometheus.io/port: \"7860\""), "never the public port");
    }

    private static Set<String> metricsIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher selector = SELECTOR.matcher(text.replace("\\\"", "\""));
        while (selector.find()) {
            names.add(selector.group(1));
        }
        return names;
    }

    /** A sent mail, a dead one (a body no key opens), sign-ins, a refusal: each labelled series now exists. */
    private void makeEveryCountedThingHappen() {
        TestDatabase.update("insert into mail_outbox (id, kind, recipient, subject, payload, status, attempts, next_attempt_at,"
                + " created_at, updated_at) values (?, 'test', 'unreadable@example.com', 'unreadable', ?, 'pending', 0, now(), now(), now())",
                UUID.randomUUID(), new byte[] {1, 2, 3});
        TestAccounts.Account account = TestAccounts.signUp();
        java.net.InetAddress ip = TestAccounts.randomIp();
        for (int i = 0; i < 11; i++) {
            TestAccounts.from(ip).contentType(ContentType.JSON)
                    .body(Map.of("email", account.email())).post("/api/auth/password/forgot");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Scrape scrape = Scrape.of(metrics);
            if (scrape.has("mail_outbox_died_total") && scrape.has("mail_outbox_sent_total")) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
