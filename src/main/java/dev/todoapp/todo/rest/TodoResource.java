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

    public TodoResource(TodoService todos, CurrentUser currentUser) {
        this.todos = todos;
        this.currentUser = currentUser;
    }

    @GET
    public Uni<RestResponse<TodoPageResponse>> list(
            @RestQuery @Schema(enumeration = {"all", "active", "completed"}, defaultValue = "all") String status,
            @RestQuery @Schema(type = SchemaType.ARRAY, implementation = TodoSchemas.PriorityName.class)
            List<String> priority,
            @RestQuery @Schema(maxLength = TodoLimits.CATEGORY_MAX, pattern = Text.SINGLE_LINE) String category,
            @RestQuery @Schema(maxLength = TodoLimits.TAG_MAX, pattern = Text.SINGLE_LINE) String tag,
            @RestQuery @Schema(maxLength = TodoListQuery.MAX_QUERY_LENGTH, pattern = Text.SINGLE_LINE) String q,
            @RestQuery @Schema(pattern = Text.TIMESTAMP_OR_BLANK, description = "ISO-8601 with offset") String dueBefore,
            @RestQuery @Schema(pattern = Text.TIMESTAMP_OR_BLANK, description = "ISO-8601 with offset") String dueAfter,
            @RestQuery @Schema(enumeration = {"position", "createdAt", "updatedAt", "dueAt", "priority", "title"},
                    defaultValue = "position") String sort,
            @RestQuery @Schema(enumeration = {"asc", "desc"}, defaultValue = "asc") String order,
            @RestQuery @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "" + TodoListQuery.MAX_PAGE,
                    defaultValue = "0") String page,
            @RestQuery @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "" + TodoListQuery.MAX_SIZE,
                    defaultValue = "50") String size) {
        TodoListQuery query = new TodoListQuery(status, priority, category, tag, q, dueBefore, dueAfter, sort, order,
                page, size);
        return todos.list(currentUser.id(), query).map(found -> RestResponse.ok(TodoPageResponse.of(found)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TodoResponse>> create(
            @RequestBody(content = @Content(schema = @Schema(implementation = TodoFields.class))) JsonNode body) {
        return todos.create(currentUser.id(), body).map(todo -> todoResponse(Status.CREATED, todo)
                .header(HttpHeaders.LOCATION, "/api/todos/" + todo.getId())
                .build());
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
            @RequestBody(content = @Content(schema = @Schema(implementation = TodoFields.class))) JsonNode body) {
        return todos.update(currentUser.id(), id, body, ifMatch).map(TodoResource::ok);
    }

    @DELETE
    @Path("{id}")
    public Uni<RestResponse<Void>> delete(@RestPath UUID id) {
        return todos.delete(currentUser.id(), id).map(nothing -> RestResponse.noContent());
    }

    @POST
    @Path("{id}/toggle")
    public Uni<RestResponse<TodoResponse>> toggle(@RestPath UUID id) {
        return todos.toggle(currentUser.id(), id).map(TodoResource::ok);
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<TodoResponse>> move(@RestPath UUID id, MoveRequest request) {
        MoveRequest target = request != null ? request : new MoveRequest(null, null);
        return todos.move(currentUser.id(), id, target.beforeId(), target.afterId()).map(TodoResource::ok);
    }

    @POST
    @Path("bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<BulkResponse>> bulk(@Valid BulkRequest request) {
        BulkRequest checked = request != null ? request : new BulkRequest(null, null);
        return todos.bulk(currentUser.id(), checked.action(), checked.ids())
                .map(affected -> RestResponse.ok(new BulkResponse(affected)));
    }

    /** Clear completed: the only collection delete there is, so status=completed must be spelled out. */
    @DELETE
    public Uni<RestResponse<ClearCompletedResponse>> clearCompleted(
            @RestQuery @Parameter(required = true) @Schema(enumeration = "completed") String status) {
        return todos.clearCompleted(currentUser.id(), status)
                .map(deleted -> RestResponse.ok(new ClearCompletedResponse(deleted)));
    }

    @GET
    @Path("categories")
    public Uni<RestResponse<List<CategoryResponse>>> categories() {
        return todos.categories(currentUser.id())
                .map(categories -> RestResponse.ok(categories.stream().map(CategoryResponse::of).toList()));
    }

    private static RestResponse<TodoResponse> ok(Todo todo) {
        return todoResponse(Status.OK, todo).build();
    }

    private static ResponseBuilder<TodoResponse> todoResponse(Status status, Todo todo) {
        return ResponseBuilder.create(status, TodoResponse.of(todo)).header(HttpHeaders.ETAG, TodoETag.of(todo.getVersion()));
    }
}
