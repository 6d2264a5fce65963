package dev.todoapp.mail;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real local HTTP server standing in for the email APIs (Resend, SendGrid). */
public class WireMockResource implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;

    @Override
    public synchronized Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("quarkus.rest-client.resend.url", url, "quarkus.rest-client.sendgrid.url", url);
    }

    @Override
    public synchronized void stop() {
        server.stop();
    }

    public static WireMockServer server() {
        return server;
    }
}
