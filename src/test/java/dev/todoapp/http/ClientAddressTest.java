package dev.todoapp.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which address a request is counted under, from its peer and X-Forwarded-For. */
class ClientAddressTest {

    private final ClientAddress untrusting = new ClientAddress(List.of());
    private final ClientAddress behindProxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.7", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("203.0.113.9", untrusting.resolve("203.0.113.9", List.of("198.51.100.1")));
        assertEquals("10.1.2.3", untrusting.resolve("10.1.2.3", List.of("198.51.100.1")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.9", behindProxies.resolve("203.0.113.9", List.of("198.51.100.1, 10.0.0.1")));
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() {
        // the client wrote "1.1.1.1" itself; the trusted proxy appended the address it really saw
        assertEquals("198.51.100.20", behindProxies.resolve("10.0.0.5", List.of("1.1.1.1, 198.51.100.20")));
        // through two trusted proxies, across several header lines
        assertEquals("198.51.100.20", behindProxies.resolve("10.0.0.5", List.of("1.1.1.1", "198.51.100.20, 192.0.2.7")));
        assertEquals("2001:db8::1", behindProxies.resolve("fd00::1", List.of("2001:db8::1")));
    }

    @Test
    void aChainOfOnlyTrustedHopsEndsAtTheLeftMost() {
        assertEquals("10.9.9.9", behindProxies.resolve("10.0.0.5", List.of("10.9.9.9, 192.0.2.7")));
        assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", List.of()));
    }

    @Test
    void garbageInTheChainStopsAtTheProxyThatPassedIt() {
        assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", List.of("1.1.1.1, not-an-address")));
        assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", List.of("x".repeat(10_000))));
        assertEquals("10.0.0.5", behindProxies.resolve("10.0.0.5", List.of("999.1.1.1")));
    }

    @Test
    void prefixesMatchBitByBit() {
        ClientAddress slash20 = new ClientAddress(List.of("172.16.16.0/20"));
        assertEquals("1.1.1.1", slash20.resolve("172.16.31.255", List.of("1.1.1.1")));
        assertEquals("172.16.32.0", slash20.resolve("172.16.32.0", List.of("1.1.1.1")));
    }

    @Test
    void aMalformedRangeIsRefusedNamingTheVariable() {
        for (String bad : List.of("10.0.0.0/33", "proxy.example", "10.0.0.0/x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of(bad)));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("TRUSTED_PROXIES"), e.getMessage());
        }
    }
}
