package dev.todoapp.todo;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged application (in CI, the native binary). */
@QuarkusIntegrationTest
class TodoListApiIT extends TodoListApiTest {
}
