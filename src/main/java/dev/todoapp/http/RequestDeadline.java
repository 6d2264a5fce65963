package dev.todoapp.http;

import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.ext.web.RoutingContext;

/**
 * Decides, once, between a request's deadline and its write: either the deadline passes first, and the write
 * must not commit (it rolls back and the client gets 503), or the write starts its COMMIT first, and the answer
 * waits for the commit's outcome. So a 503 for a passed deadline always means "not applied".
 */
public final class RequestDeadline {

    private static final String KEY = RequestDeadline.class.getName();
    private static final int RUNNING = 0;
    private static final int COMMITTING = 1;
    private static final int PASSED = 2;
    /** For work outside an HTTP request (or before the deadline route): nothing to decide. */
    private static final RequestDeadline NONE = new RequestDeadline();

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private volatile Runnable answer;

    static RequestDeadline start(RoutingContext context) {
        RequestDeadline deadline = new RequestDeadline();
        context.put(KEY, deadline);
        return deadline;
    }

    static RequestDeadline of(RoutingContext context) {
        RequestDeadline deadline = context == null ? null : context.get(KEY);
        return deadline != null ? deadline : NONE;
    }

    /** The deadline: true when the request may be answered 503, as no commit has begun nor will. */
    boolean pass() {
        return this != NONE && state.compareAndSet(RUNNING, PASSED);
    }

    /**
     * Who answers the 503 when the deadline passes: Quarkus REST, through the write's own result, so it does
     * not later try to answer a request that was already answered. Null: the deadline route answers itself.
     */
    void answerWith(Runnable answer) {
        this.answer = answer;
    }

    Runnable answer() {
        return answer;
    }

    /** The write, with everything flushed, right before COMMIT: true when it may commit. */
    boolean beginCommit() {
        return this == NONE || state.compareAndSet(RUNNING, COMMITTING);
    }

    /** The commit failed (nothing applied); the deadline may end the request again, e.g. before a retry commits. */
    void commitFailed() {
        state.compareAndSet(COMMITTING, RUNNING);
    }
}
