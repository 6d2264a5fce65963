package dev.todoapp.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.todoapp.config.ProxyConfig;
import io.netty.util.NetUtil;
import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpServerRequest;

/**
 * The caller's IP for rate limits. X-Forwarded-For is believed only as far as trusted proxies
 * (TRUSTED_PROXIES) vouch for it: walking the chain from the socket's peer leftwards, the first
 * address that is not a trusted proxy is the client. Entries left of it are whatever the client
 * wrote and are ignored, so a forged header cannot buy a fresh rate-limit bucket.
 */
// created at startup, so a malformed TRUSTED_PROXIES stops the service with its message
@Startup
@ApplicationScoped
public class ClientAddress {

    private final List<Cidr> trusted;

    @Inject
    public ClientAddress(ProxyConfig config) {
        this(config.trustedProxies().orElse(List.of()));
    }

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    public String of(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    /** The right-most address in peer + X-Forwarded-For that no trusted proxy stands for. */
    String resolve(String peer, List<String> forwardedFor) {
        if (peer == null) {
            return "unknown";
        }
        String client = peer;
        if (trusted.isEmpty() || !isTrusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] address = NetUtil.createByteArrayFromIpAddressString(hops.get(i));
            if (address == null) {
                // a hop that is not an IP literal: the trusted proxy that appended it is the last thing we know
                return client;
            }
            client = NetUtil.bytesToIpAddress(address);
            if (!isTrusted(address)) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        return bytes != null && isTrusted(bytes);
    }

    private boolean isTrusted(byte[] address) {
        for (Cidr range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** An address range such as 10.0.0.0/8 or fd00::/8; a bare address is a range of one. */
    record Cidr(byte[] network, int prefixBits) {

        static Cidr parse(String value) {
            int slash = value.indexOf('/');
            String host = slash < 0 ? value : value.substring(0, slash);
            byte[] network = NetUtil.createByteArrayFromIpAddressString(host);
            if (network == null) {
                throw new IllegalArgumentException("TRUSTED_PROXIES has an entry that is not an IP address or CIDR range");
            }
            int bits;
            try {
                bits = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalArgumentException("TRUSTED_PROXIES has a CIDR range with an invalid prefix length");
            }
            return new Cidr(network, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
