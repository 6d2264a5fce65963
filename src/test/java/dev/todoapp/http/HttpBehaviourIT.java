package dev.todoapp.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class HttpBehaviourIT extends HttpBehaviourTest {
}
