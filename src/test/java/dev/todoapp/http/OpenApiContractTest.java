package dev.todoapp.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.todoapp.account.service.PasswordPolicy;
import dev.todoapp.todo.ApiNamed;
import dev.todoapp.todo.Priority;
import dev.todoapp.todo.TodoLimits;
import dev.todoapp.support.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a client generator reads from /q/openapi: limits, nullability and statuses as the service applies them. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OpenApiContractTest {

    private static final String SCHEMAS = "components.schemas.";

    @Test
    void fieldsCarryTheLimitsTheServiceApplies() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(SCHEMAS + "TodoFields.properties.title.maxLength", equalTo(TodoLimits.TITLE_MAX))
                .body(SCHEMAS + "TodoFields.properties.title.minLength", equalTo(1))
                .body(SCHEMAS + "TodoFields.additionalProperties", equalTo(false))
                .body(SCHEMAS + "Tag.maxLength", equalTo(TodoLimits.TAG_MAX))
                .body(SCHEMAS + "RegisterRequest.properties.password.minLength", equalTo(PasswordPolicy.MIN_LENGTH))
                .body(SCHEMAS + "RegisterRequest.required", hasItems("email", "password"))
                .body(SCHEMAS + "BulkRequest.properties.ids.maxItems", equalTo(TodoLimits.BULK_IDS_MAX))
                .body(SCHEMAS + "Priority.enum",
                        contains(Arrays.stream(Priority.values()).map(ApiNamed::apiName).toArray()));
    }

    @Test
    void nullableFieldsAreNullableAndEveryAnswerFieldIsRequired() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(SCHEMAS + "TodoResponse.properties.description.type", hasItem("null"))
                .body(SCHEMAS + "TodoResponse.properties.category.type", hasItem("null"))
                .body(SCHEMAS + "TodoResponse.properties.dueAt.type", hasItem("null"))
                .body(SCHEMAS + "TodoResponse.required", hasItems("id", "description", "dueAt", "version"))
                .body(SCHEMAS + "UserResponse.properties.name.type", hasItem("null"));
    }

    @Test
    void operationsDeclareTheirStatusesAndHeaders() {
        String patch = "paths.'/api/todos/{id}'.patch.";
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(patch + "responses.'412'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body(patch + "responses.'200'.headers.ETag", notNullValue())
                .body(patch + "responses.'401'.headers.WWW-Authenticate", notNullValue())
                .body(patch + "responses.'404'", notNullValue())
                .body(patch + "responses.'422'", notNullValue())
                .body(patch + "parameters.name", hasItem("If-Match"))
                .body("paths.'/api/todos'.post.responses.'201'.headers.Location", notNullValue())
                .body("paths.'/api/auth/register'.post.responses.'202'", notNullValue())
                .body("paths.'/api/auth/register'.post.responses.'409'", nullValue())
                .body("paths.'/api/auth/login'.post.responses.'403'.description", containsString("not verified"))
                .body("paths.'/api/auth/email/verify'.post.responses.'400'.description", containsString("used"))
                .body("paths.'/api/auth/email/change'.post.responses.'403'", notNullValue())
                .body("paths.'/api/auth/login'.post.responses.'429'.headers.Retry-After", notNullValue())
                .body("paths.'/api/auth/logout'.post.responses.'204'", notNullValue());
    }
}
