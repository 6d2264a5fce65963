package dev.todoapp.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Which peers may tell the service the client's address (README: Client address behind proxies). */
@ConfigMapping(prefix = "proxy")
public interface ProxyConfig {

    /**
     * {@code TRUSTED_PROXIES}: comma-separated CIDR ranges (e.g. {@code 10.0.0.0/8,127.0.0.1/32}) whose
     * X-Forwarded-For is believed. Unset: nobody's, the socket's address is the client's.
     */
    Optional<List<String>> trustedProxies();
}
