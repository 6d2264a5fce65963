package dev.todoapp.todo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import dev.todoapp.support.TestAccounts.Account;
import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;

/** Calls the todo API as one signed-in user. */
final class TodoApi {

    private TodoApi() {
    }

    static RequestSpecification as(Account account) {
        return given().header("Authorization", account.bearer()).contentType(ContentType.JSON);
    }

    static String create(Account account, Map<String, ?> fields) {
        return as(account).body(fields).post("/api/todos").then().statusCode(201).extract().path("id");
    }

    static String create(Account account, String title) {
        return create(account, Map.of("title", title));
    }

    /** The titles of one page of the list, in the order the API returns them. */
    static List<String> titles(Account account, String query) {
        return as(account).get(query.isEmpty() ? "/api/todos" : "/api/todos?" + query).then().statusCode(200).extract().path("items.title");
    }

    /** A 422 problem that names exactly these fields as breaking the rules. */
    static ResponseSpecification invalid(String... fields) {
        return new ResponseSpecBuilder()
                .expectStatusCode(422)
                .expectContentType("application/problem+json")
                .expectBody("code", equalTo("validation_failed"))
                .expectBody("errors.field", containsInAnyOrder(fields))
                .build();
    }
}
