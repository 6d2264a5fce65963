package dev.todoapp.todo;

import java.time.Instant;
import java.util.List;
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
