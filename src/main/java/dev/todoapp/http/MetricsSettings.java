package dev.todoapp.http;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.config.MeterFilter;

/**
 * With the management interface on, Vert.x registers its server meters once per server, the public one
 * without a {@code server_port} tag and the management one with it. Prometheus refuses one name with two
 * tag sets, and that refusal, thrown while the public server binds, left startup unfinished: the service
 * answered but never completed start, and SIGTERM could not stop it. One tag set for both servers.
 */
public class MetricsSettings {

    @Produces
    @Singleton
    MeterFilter oneTagSetPerServerMeter() {
        return MeterFilter.ignoreTags("server_port", "server.port");
    }

    /**
     * Micrometer's Netty binder registers this untagged gauge once for Vert.x' event loops and again for
     * its acceptor loop; the second is refused with a WARN at every start. A constant thread count that no
     * alert or panel reads: not registered at all (the per-loop netty_eventexecutor_tasks_pending stays).
     */
    @Produces
    @Singleton
    MeterFilter noDuplicateNettyWorkerGauge() {
        return MeterFilter.deny(id -> "netty.eventexecutor.workers".equals(id.getName()));
    }
}
