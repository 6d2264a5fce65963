package dev.todoapp.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Database failures are told apart by SQLSTATE, constraint name and exception type, whatever the message says. */
class DatabaseErrorsTest {

    /** As the driver builds it from PostgreSQL's error fields. */
    private static PgException postgres(String sqlState, String constraint, String message) {
        return new PgException(message, "ERROR", sqlState, null, null, null, null, null, null, null, null, null,
                "public", "app_user", null, null, constraint);
    }

    @Test
    void aUniqueViolationIsRecognisedByItsConstraintEvenWrappedAndWhateverTheWording() {
        PgException duplicate = postgres("23505", "app_user_email_unique", "doppelter Schlüsselwert verletzt");
        assertTrue(DatabaseErrors.isUniqueViolation(duplicate, "app_user_email_unique"));
        assertTrue(DatabaseErrors.isUniqueViolation(new IllegalStateException("flush failed", duplicate), "app_user_email_unique"));
        assertFalse(DatabaseErrors.isUniqueViolation(duplicate, "another_constraint"));
    }

    @Test
    void aUniqueViolationAsHibernateReactiveReportsAFailedFlush() {
        ConstraintViolationException flush = new ConstraintViolationException("error executing SQL statement",
                new SQLException("any wording", "23505"), "insert into app_user ...", "app_user_email_unique");
        assertTrue(DatabaseErrors.isUniqueViolation(new IllegalStateException(flush), "app_user_email_unique"));
        assertFalse(DatabaseErrors.isUniqueViolation(flush, "todo_pkey"));
        assertFalse(DatabaseErrors.isUniqueViolation(new ConstraintViolationException("not null",
                new SQLException("any wording", "23502"), "insert", "app_user_email_unique"), "app_user_email_unique"));
    }

    @Test
    void aMessageThatNamesTheConstraintIsNotEnough() {
        assertFalse(DatabaseErrors.isUniqueViolation(
                postgres("23503", "app_user_email_unique", "violates app_user_email_unique"), "app_user_email_unique"));
        assertFalse(DatabaseErrors.isUniqueViolation(
                new IllegalStateException("duplicate key value violates unique constraint \"app_user_email_unique\""),
                "app_user_email_unique"));
    }

    @Test
    void connectionFaultsAreUnavailable() {
        for (Throwable failure : new Throwable[] {
                new ConnectException("Connection refused"),
                new SocketException("Connection reset"),
                ClosedConnectionException.INSTANCE,
                new IllegalStateException("wrapped", new SocketException("Connection reset")),
                postgres("08006", null, "connection failure"),
                postgres("57P01", null, "terminating connection due to administrator command"),
                postgres("57P03", null, "the database system is starting up"),
                postgres("53300", null, "sorry, too many clients already"),
                postgres("40001", null, "could not serialize access"),
        }) {
            assertTrue(DatabaseErrors.isUnavailable(failure), failure.toString());
        }
    }

    @Test
    void serializationFailuresAndDeadlocksAreConflictsWorthAnotherRun() {
        assertTrue(DatabaseErrors.isTransactionConflict(postgres("40001", null, "any wording")));
        assertTrue(DatabaseErrors.isTransactionConflict(new IllegalStateException(postgres("40P01", null, "deadlock detected"))));
        assertTrue(DatabaseErrors.isTransactionConflict(new org.hibernate.exception.LockAcquisitionException("deadlock",
                new SQLException("any wording", "40P01"))));
        assertFalse(DatabaseErrors.isTransactionConflict(postgres("23505", "app_user_email_unique", "deadlock detected")));
        assertFalse(DatabaseErrors.isTransactionConflict(new IllegalStateException("could not serialize access")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseErrors.isUnavailable(postgres("23505", "app_user_email_unique", "Connection refused")));
        assertFalse(DatabaseErrors.isUnavailable(new IOException("disk full")));
        assertFalse(DatabaseErrors.isUnavailable(new IllegalStateException("Connect failed")));
    }
}
