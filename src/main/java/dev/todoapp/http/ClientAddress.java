package dev.todoapp.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's IP for rate limits. Behind the Space's or Vercel's proxy it comes from
 * X-Forwarded-For (quarkus.http.proxy settings); otherwise the socket's address.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
