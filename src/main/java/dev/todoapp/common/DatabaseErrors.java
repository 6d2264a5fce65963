package dev.todoapp.common;

import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;

import org.hibernate.JDBCException;
import org.hibernate.exception.ConstraintViolationException;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * What a database failure means, read from the driver's fields (SQLSTATE, constraint name) and the
 * exception types of the client, never from message text: wording changes between versions and locales.
 * Failures arrive wrapped (Mutiny, Hibernate), so the whole cause chain is searched. Hibernate Reactive
 * hands a failed flush over as Hibernate's ConstraintViolationException, which carries the same two
 * fields (the PgException itself does not survive that conversion).
 */
public final class DatabaseErrors {

    static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 08: the connection failed or broke. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** The server is shutting down or still starting (a restart, Neon waking up), or has no connection slot left. */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03", "53300");
    /** Serialization failure and deadlock: the transaction lost a race and may simply run again. */
    private static final Set<String> TRANSACTION_CONFLICT = Set.of("40001", "40P01");

    private DatabaseErrors() {
    }

    /** Whether the failure is a unique violation of the named constraint (or index). */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                return UNIQUE_VIOLATION.equals(pg.getSqlState()) && constraint.equals(pg.getConstraint());
            }
            if (t instanceof ConstraintViolationException violation) {
                return UNIQUE_VIOLATION.equals(violation.getSQLState()) && constraint.equals(violation.getConstraintName());
            }
        }
        return false;
    }

    /**
     * Whether the database could not be reached or went away mid-query: worth a 503 and a retry, not a
     * 500. SocketException covers a refused connect (Netty's connect exceptions extend it) and a reset;
     * NoStackTraceThrowable is how the Vert.x pool reports a connect timeout.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof ClosedChannelException
                    || t instanceof ClosedConnectionException || t instanceof NoStackTraceThrowable) {
                return true;
            }
            String sqlState = sqlStateOf(t);
            if (sqlState != null && (sqlState.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_UNAVAILABLE.contains(sqlState)
                    || TRANSACTION_CONFLICT.contains(sqlState))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the transaction failed only because a concurrent one got in its way (serialization failure,
     * deadlock): running it again usually succeeds. Once retries are spent it counts as unavailable.
     */
    public static boolean isTransactionConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String sqlState = sqlStateOf(t);
            if (sqlState != null && TRANSACTION_CONFLICT.contains(sqlState)) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE as the reactive driver or Hibernate (which converts a failed flush) reports it. */
    private static String sqlStateOf(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        return null;
    }
}
