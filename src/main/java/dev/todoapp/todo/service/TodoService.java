package dev.todoapp.todo.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.todoapp.common.DomainException;
import dev.todoapp.common.ErrorCode;
import dev.todoapp.todo.Todo;
import dev.todoapp.todo.TodoLimits;
import dev.todoapp.todo.TodoETag;
import dev.todoapp.todo.repository.CategoryCount;
import dev.todoapp.todo.repository.TodoPage;
import dev.todoapp.todo.repository.TodoRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The todo use cases. Each runs for one user and treats another user's todo as nonexistent. */
@ApplicationScoped
public class TodoService {

    private static final Set<String> BULK_ACTIONS = Set.of("complete", "uncomplete", "delete");

    private final TodoRepository todos;
    private final Clock clock;

    /** A todo as a write left it, and the occurrence its completion created (or null). */
    public record Saved(Todo todo, Todo nextOccurrence) {
    }

    public TodoService(TodoRepository todos, Clock clock) {
        this.todos = todos;
        this.clock = clock;
    }

    @WithSession
    public Uni<TodoPage> list(UUID userId, TodoListQuery query) {
        return Uni.createFrom().item(() -> query.toSearch(userId)).chain(todos::search);
    }

    @WithSession
    public Uni<Todo> get(UUID userId, UUID id) {
        return owned(userId, id);
    }

    @WithTransaction
    public Uni<Todo> create(UUID userId, JsonNode body) {
        return Uni.createFrom().item(() -> TodoChanges.forCreate(body))
                .call(() -> todos.lockManualOrder(userId))
                .chain(changes -> todos.timeZoneOf(userId).chain(zone -> todos.nextPosition(userId).chain(position -> {
                    Instant now = now();
                    Todo todo = new Todo(userId, position, now);
                    changes.applyTo(todo, now, zone);
                    return todos.persist(todo);
                })))
                .chain(this::flushed);
    }

    /**
     * Applies the fields the body names; with If-Match, only to the version the client last saw.
     * Completing or reopening a recurring todo here works as {@link #toggle} does.
     */
    @WithTransaction
    public Uni<Saved> update(UUID userId, UUID id, JsonNode body, String ifMatch) {
        return Uni.createFrom().item(() -> TodoChanges.forUpdate(body))
                .chain(changes -> owned(userId, id).chain(todo -> {
                    if (!TodoETag.allows(ifMatch, todo.getVersion())) {
                        return Uni.createFrom().failure(versionConflict());
                    }
                    if (changes.isEmpty()) {
                        return Uni.createFrom().item(new Saved(todo, null));
                    }
                    return todos.timeZoneOf(userId).chain(zone -> {
                        Instant now = now();
                        boolean wasCompleted = todo.isCompleted();
                        changes.applyTo(todo, now, zone);
                        todo.touch(now);
                        return completionChanged(todo, wasCompleted, now, zone);
                    });
                }));
    }

    @WithTransaction
    public Uni<Void> delete(UUID userId, UUID id) {
        return todos.delete("id = ?1 and userId = ?2", id, userId).chain(deleted -> deleted == 0
                ? Uni.createFrom().failure(notFound())
                : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Saved> toggle(UUID userId, UUID id) {
        return owned(userId, id).chain(todo -> todos.timeZoneOf(userId).chain(zone -> {
            Instant now = now();
            boolean wasCompleted = todo.isCompleted();
            todo.setCompleted(!wasCompleted, now);
            todo.touch(now);
            return completionChanged(todo, wasCompleted, now, zone);
        }));
    }

    /**
     * Completing a recurring todo creates its next occurrence (in this transaction); reopening it removes
     * that occurrence again if nobody changed it since (its version is still 0) and it is still open.
     */
    private Uni<Saved> completionChanged(Todo todo, boolean wasCompleted, Instant now, ZoneId zone) {
        if (!wasCompleted && todo.isCompleted() && todo.getRecurrence() != null && todo.getDueAt() != null
                && todo.getNextOccurrenceId() == null) {
            return todos.lockManualOrder(todo.getUserId())
                    .chain(() -> todos.nextPosition(todo.getUserId()))
                    .chain(position -> {
                        Todo next = todo.nextOccurrence(zone, position, now);
                        todo.setNextOccurrenceId(next.getId());
                        return todos.persist(next);
                    })
                    .chain(next -> flushed(todo).map(saved -> new Saved(saved, next)));
        }
        if (wasCompleted && !todo.isCompleted() && todo.getNextOccurrenceId() != null) {
            UUID next = todo.getNextOccurrenceId();
            todo.setNextOccurrenceId(null);
            return todos.deleteUntouchedOccurrence(todo.getUserId(), next)
                    .chain(() -> flushed(todo)).map(saved -> new Saved(saved, null));
        }
        return flushed(todo).map(saved -> new Saved(saved, null));
    }

    /** Puts the todo directly before or after another todo of the same user in the manual order. */
    @WithTransaction
    public Uni<Todo> move(UUID userId, UUID id, UUID beforeId, UUID afterId) {
        return Uni.createFrom().item(() -> anchorOf(id, beforeId, afterId))
                .call(() -> todos.lockManualOrder(userId))
                .chain(anchorId -> owned(userId, id).chain(moving -> owned(userId, anchorId)
                        .chain(anchor -> place(moving, anchor, beforeId != null, true))));
    }

    private static UUID anchorOf(UUID id, UUID beforeId, UUID afterId) {
        Violations violations = new Violations();
        if ((beforeId == null) == (afterId == null)) {
            violations.add("beforeId", "give exactly one of beforeId and afterId");
            violations.add("afterId", "give exactly one of beforeId and afterId");
        } else if (id.equals(beforeId != null ? beforeId : afterId)) {
            violations.add(beforeId != null ? "beforeId" : "afterId", "must be another todo than the one moved");
        }
        violations.throwIfAny();
        return beforeId != null ? beforeId : afterId;
    }

    private Uni<Todo> place(Todo moving, Todo anchor, boolean before, boolean mayRenumber) {
        return todos.neighbourPosition(anchor, moving.getId(), before).chain(neighbour -> {
            Long slot = slotBeside(anchor.getPosition(), neighbour, before);
            if (slot != null) {
                Instant now = now();
                moving.setPosition(slot);
                moving.touch(now);
                return flushed(moving);
            }
            if (!mayRenumber) {
                return Uni.createFrom().failure(new IllegalStateException("No room in the manual order after renumbering"));
            }
            // the gap is used up: spread the list out, reload both rows, and try once more
            return todos.renumber(moving.getUserId())
                    .chain(() -> todos.getSession())
                    .chain(session -> session.refresh(moving).chain(() -> session.refresh(anchor)))
                    .chain(() -> place(moving, anchor, before, false));
        });
    }

    /** A free position between the anchor and its neighbour, or null when they are adjacent numbers. */
    private static Long slotBeside(long anchor, Long neighbour, boolean before) {
        if (neighbour == null) {
            return before ? anchor - TodoRepository.POSITION_GAP : anchor + TodoRepository.POSITION_GAP;
        }
        long low = before ? neighbour : anchor;
        long high = before ? anchor : neighbour;
        return high - low >= 2 ? low + (high - low) / 2 : null;
    }

    /** Completes, reopens or deletes the listed todos; ids that are not the caller's are skipped. */
    @WithTransaction
    public Uni<Integer> bulk(UUID userId, String action, List<UUID> ids) {
        return Uni.createFrom().item(() -> checkedIds(action, ids)).chain(checked -> {
            if (checked.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            Instant now = now();
            return switch (action) {
                case "complete" -> oneByOne(userId, todos.recurringToComplete(userId, checked), now)
                        .chain(done -> todos.setCompleted(userId, checked, true, now).map(rest -> done + rest));
                case "uncomplete" -> oneByOne(userId, todos.completedWithOccurrence(userId, checked), now)
                        .chain(done -> todos.setCompleted(userId, checked, false, now).map(rest -> done + rest));
                default -> todos.deleteOwned(userId, checked).map(Long::intValue);
            };
        });
    }

    /** Toggles the todos whose completion does more than flip a flag (recurring ones); how many. */
    private Uni<Integer> oneByOne(UUID userId, Uni<List<Todo>> found, Instant now) {
        return found.chain(list -> list.isEmpty() ? Uni.createFrom().item(0) : todos.timeZoneOf(userId).chain(zone -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Todo todo : list) {
                chain = chain.chain(() -> {
                    boolean wasCompleted = todo.isCompleted();
                    todo.setCompleted(!wasCompleted, now);
                    todo.touch(now);
                    return completionChanged(todo, wasCompleted, now, zone).replaceWithVoid();
                });
            }
            return chain.replaceWith(list.size());
        }));
    }

    private static Set<UUID> checkedIds(String action, List<UUID> ids) {
        Violations violations = new Violations();
        if (action == null || !BULK_ACTIONS.contains(action)) {
            violations.add("action", "must be one of complete, uncomplete, delete");
        }
        if (ids == null) {
            violations.add("ids", "is required");
        } else if (ids.contains(null)) {
            violations.add("ids", "must not contain null");
        } else if (ids.size() > TodoLimits.BULK_IDS_MAX) {
            violations.add("ids", "must have at most " + TodoLimits.BULK_IDS_MAX + " ids");
        }
        violations.throwIfAny();
        return new LinkedHashSet<>(ids);
    }

    /** DELETE /api/todos only clears completed todos; asking for anything else is refused. */
    @WithTransaction
    public Uni<Long> clearCompleted(UUID userId, String status) {
        if (!"completed".equals(status)) {
            return Uni.createFrom().failure(DomainException.validation("status", "must be completed"));
        }
        return todos.deleteCompleted(userId);
    }

    @WithSession
    public Uni<List<CategoryCount>> categories(UUID userId) {
        return todos.categories(userId);
    }

    private Uni<Todo> owned(UUID userId, UUID id) {
        return todos.findOwned(userId, id).onItem().ifNull().failWith(TodoService::notFound);
    }

    /** Writes now, so the response carries the new version, and a lost race answers 412, not 500. */
    private Uni<Todo> flushed(Todo todo) {
        return todos.flush().replaceWith(todo)
                .onFailure(TodoService::isConcurrentChange).transform(failure -> versionConflict());
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static DomainException notFound() {
        return DomainException.notFound("todo");
    }

    private static DomainException versionConflict() {
        return new DomainException(ErrorCode.VERSION_CONFLICT,
                "The todo was changed since you loaded it; reload it and try again");
    }

    /** PostgreSQL keeps microseconds, so responses show exactly what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
