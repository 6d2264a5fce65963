package dev.todoapp.todo.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;
import org.jboss.resteasy.reactive.RestResponse.Status;

import com.fasterxml.jackson.databind.JsonNode;

import dev.todoapp.account.CurrentUser;
import dev.todoapp.http.IdempotentWrites;
import dev.todoapp.todo.Todo;
import dev.todoapp.common.Text;
import dev.todoapp.todo.TodoETag;
import dev.todoapp.todo.TodoLimits;
import dev.todoapp.todo.service.TodoListQuery;
import dev.todoapp.todo.service.TodoService;
import io.quarkus.security.Authenticated;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/** The todo routes: HTTP only. Rules, ownership and transactions are the service's. */
// its JAX-RS annotations are read at run time too, for the Allow header of a 405 (http/AllowedMethods)
@RegisterForReflection
@Path("/api/todos")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TodoResource {

    private final TodoService todos;
    private final CurrentUser currentUser;
    private final IdempotentWrites writes;

    public TodoResource(TodoService todos, CurrentUser currentUser, IdempotentWrites writes) {
        this.todos = todos;
        this.currentUser = currentUser;
        this.writes = writes;
    }

    @GET
    public Uni<RestResponse<TodoPageResponse>> list(
            @RestQuery @Schema(enumeration = {"all", "active", "completed", ""}, defaultValue = "all",
                    description = "blank means all") String status,
            @RestQuery @Schema(type = SchemaType.ARRAY, implementation = TodoSchemas.PriorityName.class)
            List<String> priority,
            @RestQuery @Schema(maxLength = TodoLimits.CATEGORY_MAX, pattern = Text.SINGLE_LINE) String category,
            @RestQuery @Schema(maxLength = TodoLimits.TAG_MAX, pattern = Text.SINGLE_LINE) String tag,
            @RestQuery @Schema(maxLength = TodoListQuery.MAX_QUERY_LENGTH, pattern = Text.SINGLE_LINE) String q,
            @RestQuery @Schema(pattern = Text.TIMESTAMP_OR_BLANK, description = "ISO-8601 with offset") String dueBefore,
            @RestQuery @Schema(pattern = Text.TIMESTAMP_OR_BLANK, description = "ISO-8601 with offset") String dueAfter,
            @RestQuery @Parameter(allowEmptyValue = true, description = "empty means the default")
            @Schema(enumeration = {"position", "createdAt", "updatedAt", "dueAt", "priority", "title"},
                    defaultValue = "position") String sort,
            @RestQuery @Parameter(allowEmptyValue = true, description = "empty means the default")
            @Schema(enumeration = {"asc", "desc"}, defaultValue = "asc") String order,
            @RestQuery @Parameter(allowEmptyValue = true, description = "empty means the default")
            @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "" + TodoListQuery.MAX_PAGE,
                    defaultValue = "0") String page,
            @RestQuery @Parameter(allowEmptyValue = true, description = "empty means the default")
            @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + TodoListQuery.MAX_SIZE,
                    defaultValue = "50") String size) {
        TodoListQuery query = new TodoListQuery(status, priority, category, tag, q, dueBefore, dueAfter, sort, order,
                page, size);
        return todos.list(currentUser.id(), query).map(found -> RestResponse.ok(TodoPageResponse.of(found)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TodoResponse>> create(@RestHeader(IdempotentWrites.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(allOf = TodoFields.class,
                    requiredProperties = "title"))) JsonNode body) {
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, body, TodoResponse.class, () -> todos.create(userId, body)
                .map(todo -> todoResponse(Status.CREATED, todo)
                        .header(HttpHeaders.LOCATION, "/api/todos/" + todo.getId())
                        .build()));
    }

    @GET
    @Path("{id}")
    public Uni<RestResponse<TodoResponse>> get(@RestPath UUID id) {
        return todos.get(currentUser.id(), id).map(TodoResource::ok);
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TodoResponse>> update(@RestPath UUID id, @RestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RestHeader(IdempotentWrites.HEADER) String idempotencyKey,
            @RequestBody(content = @Content(schema = @Schema(implementation = TodoFields.class))) JsonNode body) {
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, body, TodoResponse.class,
                () -> todos.update(userId, id, body, ifMatch).map(TodoResource::ok));
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id, @RestHeader(IdempotentWrites.HEADER) String idempotencyKey) {
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, null, Void.class,
                () -> todos.delete(userId, id).map(nothing -> RestResponse.<Void>noContent()));
    }

    @POST
    @Path("{id}/toggle")
    public Uni<RestResponse<TodoResponse>> toggle(@RestPath UUID id, @RestHeader(IdempotentWrites.HEADER) String idempotencyKey) {
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, null, TodoResponse.class,
                () -> todos.toggle(userId, id).map(TodoResource::ok));
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TodoResponse>> move(@RestPath UUID id, @RestHeader(IdempotentWrites.HEADER) String idempotencyKey,
                                                MoveRequest request) {
        MoveRequest target = request != null ? request : new MoveRequest(null, null);
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, target, TodoResponse.class,
                () -> todos.move(userId, id, target.beforeId(), target.afterId()).map(TodoResource::ok));
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<BulkResponse>> bulk(@RestHeader(IdempotentWrites.HEADER) String idempotencyKey,
                                                   @Valid BulkRequest request) {
        BulkRequest checked = request != null ? request : new BulkRequest(null, null);
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, checked, BulkResponse.class,
                () -> todos.bulk(userId, checked.action(), checked.ids())
                        .map(affected -> RestResponse.ok(new BulkResponse(affected))));
    }

    /** Clear completed: the only collection delete there is, so status=completed must be spelled out. */
    @DELETE
    public Uni<RestResponse<ClearCompletedResponse>> clearCompleted(
            @RestQuery @Parameter(required = true) @Schema(enumeration = "completed") String status,
                                                                    @RestHeader(IdempotentWrites.HEADER) String idempotencyKey) {
        UUID userId = currentUser.id();
        return writes.run(userId, idempotencyKey, null, ClearCompletedResponse.class,
                () -> todos.clearCompleted(userId, status)
                        .map(deleted -> RestResponse.ok(new ClearCompletedResponse(deleted))));
    }

    @GET
    @Path("categories")
    public Uni<RestResponse<List<CategoryResponse>>> categories() {
        return todos.categories(currentUser.id())
                .map(categories -> RestResponse.ok(categories.stream().map(CategoryResponse::of).toList()));
    }

    private static RestResponse<TodoResponse> ok(Todo todo) {
        return todoResponse(Status.OK, todo, null).build();
    }

    private static RestResponse<TodoResponse> ok(TodoService.Saved saved) {
        return todoResponse(Status.OK, saved.todo(), saved.nextOccurrence()).build();
    }

    private static ResponseBuilder<TodoResponse> todoResponse(Status status, Todo todo) {
        return todoResponse(status, todo, null);
    }

    private static ResponseBuilder<TodoResponse> todoResponse(Status status, Todo todo, Todo nextOccurrence) {
        return ResponseBuilder.create(status, TodoResponse.of(todo, nextOccurrence))
                .header(HttpHeaders.ETAG, TodoETag.of(todo.getVersion()));
    }
}
