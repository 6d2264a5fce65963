package dev.todoapp.todo.repository;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.todoapp.todo.Todo;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The todo queries. Every one is scoped to a user, so no query can reach another user's todos. */
@ApplicationScoped
public class TodoRepository implements PanacheRepositoryBase<Todo, UUID> {

    /** Room between neighbours, so a move usually changes one row; 2^16 allows 16 halvings in one spot. */
    public static final long POSITION_GAP = 1L << 16;

    /** Escapes the LIKE wildcards in search text, so '%' and '_' are searched for literally. */
    private static final String LIKE_ESCAPE = "!";

    public Uni<Todo> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    /** The position after the user's last todo, so new todos join the end of the manual order. */
    public Uni<Long> nextPosition(UUID userId) {
        return getSession().chain(session -> session
                .createSelectionQuery("select max(position) from Todo where userId = :userId", Long.class)
                .setParameter("userId", userId)
                .getSingleResultOrNull())
                .map(last -> last == null ? POSITION_GAP : last + POSITION_GAP);
    }

    /**
     * One query for the page and the total (count(*) over the filtered rows, computed before the
     * limit): a list costs one round trip to the database instead of two. Only a page past the end
     * has no row to carry the total, so it is counted separately.
     */
    public Uni<TodoPage> search(TodoSearch search) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(search, parameters);
        String query = "select t, count(*) over () from Todo t where " + where
                + " order by " + search.sort().orderBy(search.descending());
        return getSession().chain(session -> {
            var page = session.createSelectionQuery(query, Object[].class)
                    .setFirstResult(search.offset()) // TodoListQuery keeps it within an int
                    .setMaxResults(search.size());
            parameters.forEach(page::setParameter);
            return page.getResultList();
        }).chain(rows -> {
            if (!rows.isEmpty()) {
                List<Todo> items = rows.stream().map(row -> (Todo) row[0]).toList();
                return Uni.createFrom().item(new TodoPage(items, search.page(), search.size(), (Long) rows.get(0)[1]));
            }
            return search.page() == 0
                    ? Uni.createFrom().item(new TodoPage(List.of(), 0, search.size(), 0))
                    : pastTheEnd(search, where, parameters);
        });
    }

    private Uni<TodoPage> pastTheEnd(TodoSearch search, String where, Map<String, Object> parameters) {
        return count(where, parameters).map(total -> new TodoPage(List.of(), search.page(), search.size(), total));
    }

    private static String where(TodoSearch search, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("userId = :userId");
        parameters.put("userId", search.userId());
        switch (search.status()) {
            case ACTIVE -> where.append(" and completed = false");
            case COMPLETED -> where.append(" and completed = true");
            case ALL -> { }
        }
        if (!search.priorities().isEmpty()) {
            where.append(" and priority in :priorities");
            parameters.put("priorities", search.priorities());
        }
        if (search.category() != null) {
            where.append(" and category = :category");
            parameters.put("category", search.category());
        }
        if (search.tag() != null) {
            // renders as tags @> array[:tag], which the GIN index on tags serves
            where.append(" and array_contains(tags, :tag)");
            parameters.put("tag", search.tag());
        }
        if (search.text() != null) {
            where.append(" and (title ilike :text escape '" + LIKE_ESCAPE + "' or description ilike :text escape '"
                    + LIKE_ESCAPE + "')");
            parameters.put("text", "%" + escapeLike(search.text()) + "%");
        }
        if (search.dueBefore() != null) {
            where.append(" and dueAt < :dueBefore");
            parameters.put("dueBefore", search.dueBefore());
        }
        if (search.dueAfter() != null) {
            where.append(" and dueAt > :dueAfter");
            parameters.put("dueAfter", search.dueAfter());
        }
        return where.toString();
    }

    private static String escapeLike(String text) {
        return text.replace(LIKE_ESCAPE, LIKE_ESCAPE + LIKE_ESCAPE)
                .replace("%", LIKE_ESCAPE + "%")
                .replace("_", LIKE_ESCAPE + "_");
    }

    /**
     * The position of the todo next to {@code anchor} in the manual order (position, then id), on
     * the given side, leaving out the todo being moved; null when the anchor is at that end.
     */
    public Uni<Long> neighbourPosition(Todo anchor, UUID moving, boolean before) {
        String query = before
                ? "select position from Todo where userId = :userId and id <> :moving"
                        + " and (position < :position or (position = :position and id < :anchor))"
                        + " order by position desc, id desc"
                : "select position from Todo where userId = :userId and id <> :moving"
                        + " and (position > :position or (position = :position and id > :anchor))"
                        + " order by position asc, id asc";
        return getSession().chain(session -> session.createSelectionQuery(query, Long.class)
                .setParameter("userId", anchor.getUserId())
                .setParameter("moving", moving)
                .setParameter("position", anchor.getPosition())
                .setParameter("anchor", anchor.getId())
                .setMaxResults(1)
                .getSingleResultOrNull());
    }

    /**
     * Makes the user's creates and moves take turns until the transaction ends, so two of them (from
     * two devices) never compute a position from the same old neighbours or interleave with a renumbering.
     */
    public Uni<Void> lockManualOrder(UUID userId) {
        long key = userId.getMostSignificantBits() ^ userId.getLeastSignificantBits();
        // pg_advisory_xact_lock returns void, which has no Java type: count the one row instead
        return getSession().chain(session -> session
                        .createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:key)) locked", Long.class)
                        .setParameter("key", key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /**
     * Spreads the user's todos out again (keeping their order) when two neighbours have no room left
     * between them. Versions stay: the order a user sees does not change.
     */
    public Uni<Integer> renumber(UUID userId) {
        return getSession().chain(session -> session.createNativeQuery("""
                        update todo set position = ranked.rank * :gap
                        from (select id, row_number() over (order by position, id) as rank
                              from todo where user_id = :userId) ranked
                        where todo.id = ranked.id""")
                .setParameter("gap", POSITION_GAP)
                .setParameter("userId", userId)
                .executeUpdate());
    }

    /** Marks the user's listed todos completed (or not); counts only the todos that changed. */
    public Uni<Integer> setCompleted(UUID userId, Collection<UUID> ids, boolean completed, Instant now) {
        Map<String, Object> parameters = Map.of("userId", userId, "ids", ids, "now", now);
        String changes = completed ? "completed = true, completedAt = :now" : "completed = false, completedAt = null";
        return update(changes + ", updatedAt = :now, version = version + 1"
                + " where userId = :userId and id in :ids and completed = " + !completed, parameters);
    }

    /** The user's IANA time zone: recurrence and reminders are computed in it. */
    public Uni<ZoneId> timeZoneOf(UUID userId) {
        return getSession().chain(session -> session
                        .createSelectionQuery("select u.timeZone from User u where u.id = :userId", String.class)
                        .setParameter("userId", userId)
                        .getSingleResultOrNull())
                .map(zone -> zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
    }

    /** Open recurring todos among {@code ids}: completing them creates their next occurrence. */
    public Uni<List<Todo>> recurringToComplete(UUID userId, Collection<UUID> ids) {
        return list("userId = ?1 and id in ?2 and completed = false and recurrence is not null and dueAt is not null",
                userId, ids);
    }

    /** Completed todos among {@code ids} whose completion created an occurrence: reopening may remove it. */
    public Uni<List<Todo>> completedWithOccurrence(UUID userId, Collection<UUID> ids) {
        return list("userId = ?1 and id in ?2 and completed = true and nextOccurrenceId is not null", userId, ids);
    }

    /** Deletes an occurrence nobody has changed since it was created (version 0) and that is still open. */
    public Uni<Long> deleteUntouchedOccurrence(UUID userId, UUID id) {
        return delete("id = ?1 and userId = ?2 and version = 0 and completed = false", id, userId);
    }

    public Uni<Long> deleteOwned(UUID userId, Collection<UUID> ids) {
        return delete("userId = ?1 and id in ?2", userId, ids);
    }

    public Uni<Long> deleteCompleted(UUID userId) {
        return delete("userId = ?1 and completed = true", userId);
    }

    public Uni<List<CategoryCount>> categories(UUID userId) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select category, count(*) from Todo where userId = :userId and category is not null"
                                + " group by category order by category", Object[].class)
                .setParameter("userId", userId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new CategoryCount((String) row[0], (Long) row[1])).toList());
    }
}
