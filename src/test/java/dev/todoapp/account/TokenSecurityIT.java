package dev.todoapp.account;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class TokenSecurityIT extends TokenSecurityTest {
}
