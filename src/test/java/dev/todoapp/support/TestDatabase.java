package dev.todoapp.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC to the test PostgreSQL, for looking at what the service stored. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static List<Map<String, Object>> rows(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, arguments);
             ResultSet result = statement.executeQuery()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(String sql, Object... arguments) {
        try (Connection connection = connect(); PreparedStatement statement = prepared(connection, sql, arguments)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every (table, column, type) of the public schema whose values could hold a string. */
    public static List<String[]> textualColumns() {
        return rows("select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'"
                + " and data_type in ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY')")
                .stream().map(r -> new String[] {(String) r.get("table_name"), (String) r.get("column_name"),
                        (String) r.get("data_type")}).toList();
    }

    /** A connection of its own, for holding a lock or a transaction open while the service works. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + PostgresResource.port() + "/postgres",
                "postgres", "postgres");
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... arguments) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < arguments.length; i++) {
            statement.setObject(i + 1, arguments[i]);
        }
        return statement;
    }
}
