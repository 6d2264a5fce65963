package dev.todoapp.account.service;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The work behind requests that are answered before any account is looked up (forgot-password,
 * register, resend verification): whether an address has an account then changes nothing in the
 * answer or its timing. The work runs on its own Vert.x context, as Hibernate Reactive needs.
 */
@ApplicationScoped
class BackgroundWork {

    private static final Logger LOG = Logger.getLogger(BackgroundWork.class);
    /** Requests being processed in the background, at most. */
    private static final int MAX_BACKLOG = 200;
    /**
     * A database that is briefly away (a restart, Neon waking from scale-to-zero) must not lose the
     * mail of a request already answered with 202: the work is retried for about a minute.
     */
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LATEST_RETRY = Duration.ofSeconds(15);
    private static final int RETRIES = 8;

    private final Vertx vertx;
    private final AtomicInteger backlog = new AtomicInteger();

    BackgroundWork(Vertx vertx) {
        this.vertx = vertx;
    }

    /**
     * Starts {@code work} and returns at once. {@code what} and {@code maskedEmail} only name the work in
     * the log. A flood is shed rather than queued without bound; the answer stays the same.
     */
    void start(String what, String maskedEmail, Supplier<Uni<? extends Void>> work) {
        if (backlog.incrementAndGet() > MAX_BACKLOG) {
            backlog.decrementAndGet();
            LOG.warnf("%s backlog full; request dropped", what);
            return;
        }
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        // every attempt, retries included, runs on that Vert.x context
        Executor onContext = task -> context.runOnContext(ignored -> task.run());
        Uni.createFrom().deferred(work)
                .runSubscriptionOn(onContext)
                .onFailure().invoke(failure -> LOG.warnf("%s request for %s not stored yet (%s); retrying",
                        what, maskedEmail, failure.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(FIRST_RETRY, LATEST_RETRY).atMost(RETRIES)
                .subscribe().with(
                        done -> backlog.decrementAndGet(),
                        failure -> {
                            backlog.decrementAndGet();
                            LOG.errorf("%s request for %s failed: %s", what, maskedEmail, failure.getClass().getSimpleName());
                        });
    }
}
