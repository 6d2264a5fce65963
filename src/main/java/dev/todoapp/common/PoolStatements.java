package dev.todoapp.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One statement on the reactive pool, outside Hibernate, on a borrowed connection. Not {@code pool.query(..)
 * .execute()}: when no connection can be opened (the database is down) that path fails at once but leaves its
 * 30 s connection-timeout timer running, which then fails the finished result again, and Vert.x logs "Uncaught
 * exception ... IllegalStateException: Result is already complete" as ERROR, once per statement, with nothing for
 * an operator to act on (eclipse-vertx/vertx-sql-client#1706, open in 4.5.x). Borrowing the connection first
 * takes the acquire path, which cancels its timer whatever the outcome.
 */
public final class PoolStatements {

    private PoolStatements() {
    }

    /** A statement without parameters, sent as a simple query. */
    public static Uni<RowSet<Row>> query(Pool pool, String sql) {
        return pool.withConnection(connection -> connection.query(sql).execute());
    }

    /** A prepared statement (cached per connection when prepared-statement caching is on). */
    public static Uni<RowSet<Row>> prepared(Pool pool, String sql, Tuple arguments) {
        return pool.withConnection(connection -> connection.preparedQuery(sql).execute(arguments));
    }
}
