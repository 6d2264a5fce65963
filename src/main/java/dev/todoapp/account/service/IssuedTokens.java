package dev.todoapp.account.service;

import dev.todoapp.account.User;

/** What a sign-in hands out: a short-lived JWT and the opaque refresh token that renews it. */
public record IssuedTokens(String accessToken, long accessExpiresIn, String refreshToken, long refreshExpiresIn, User user) {
}
