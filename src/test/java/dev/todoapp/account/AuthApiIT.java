package dev.todoapp.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same API tests against the packaged artifact (the jar here, the native binary in CI). */
@QuarkusIntegrationTest
class AuthApiIT extends AuthApiTest {
}
