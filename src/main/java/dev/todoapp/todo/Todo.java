package dev.todoapp.todo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One todo of one user. The id is generated here (no Hibernate generator: native-image friendly);
 * {@code version} is the optimistic lock that ETags and If-Match expose.
 */
@Entity
@Table(name = "todo")
public class Todo {

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    private String title;
    private String description;
    private boolean completed;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Enumerated(EnumType.ORDINAL)
    private Priority priority;

    private String category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(30)[]")
    private String[] tags;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "remind_at")
    private Instant remindAt;

    /** When the reminder scheduler dealt with {@link #remindAt}; null while the reminder is still to come. */
    @Column(name = "reminder_handled_at")
    private Instant reminderHandledAt;

    /** The stored form of a {@link Recurrence}, or null. */
    private String recurrence;

    /** The occurrence this todo's completion created, until it is reopened. */
    @Column(name = "next_occurrence_id")
    private UUID nextOccurrenceId;

    private long position;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private Long version;

    protected Todo() {
        // for Hibernate
    }

    public Todo(UUID userId, long position, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.priority = Priority.NONE;
        this.tags = new String[0];
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Keeps completedAt in step: set when a todo becomes completed, cleared when it is reopened. */
    public void setCompleted(boolean completed, Instant now) {
        if (completed != this.completed) {
            this.completed = completed;
            this.completedAt = completed ? now : null;
        }
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isCompleted() {
        return completed;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public List<String> getTags() {
        return List.of(tags);
    }

    public void setTags(List<String> tags) {
        this.tags = tags.toArray(String[]::new);
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public void setDueAt(Instant dueAt) {
        this.dueAt = dueAt;
    }

    public Instant getRemindAt() {
        return remindAt;
    }

    /** A new reminder time is a reminder still to come, also when the previous one went out. */
    public void setRemindAt(Instant remindAt) {
        if (!Objects.equals(remindAt, this.remindAt)) {
            this.remindAt = remindAt;
            this.reminderHandledAt = null;
        }
    }

    public Recurrence getRecurrence() {
        return recurrence == null ? null : Recurrence.ofStored(recurrence);
    }

    public void setRecurrence(Recurrence recurrence) {
        this.recurrence = recurrence == null ? null : recurrence.stored();
    }

    public UUID getNextOccurrenceId() {
        return nextOccurrenceId;
    }

    public void setNextOccurrenceId(UUID nextOccurrenceId) {
        this.nextOccurrenceId = nextOccurrenceId;
    }

    /**
     * The next occurrence of this recurring todo: the same fields, due by the rule in {@code zone}, the
     * reminder moved by the same amount (none when that would be in the past), at the end of the list.
     */
    public Todo nextOccurrence(ZoneId zone, long position, Instant now) {
        Recurrence rule = getRecurrence();
        Todo next = new Todo(userId, position, now);
        next.title = title;
        next.description = description;
        next.priority = priority;
        next.category = category;
        next.tags = tags.clone();
        next.recurrence = recurrence;
        next.dueAt = rule.next(dueAt, zone);
        if (remindAt != null) {
            Instant movedReminder = remindAt.plus(Duration.between(dueAt, next.dueAt));
            next.remindAt = movedReminder.isAfter(now) ? movedReminder : null;
        }
        return next;
    }

    public long getPosition() {
        return position;
    }

    public void setPosition(long position) {
        this.position = position;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** 0 once a new todo is flushed, one more on every change; null only before that first flush. */
    public long getVersion() {
        return version;
    }
}
