import { describe, expect, it } from 'vitest';
import { refreshCookie } from './session-cookie';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('refreshCookie', () => {
  it('is __Host- and Secure behind an https proxy', () => {
    expect(refreshCookie(headers({ host: 'todo.example', 'x-forwarded-proto': 'https' }))).toEqual({ name: '__Host-todo_session', secure: true });
    expect(refreshCookie(headers({ host: 'localhost:3000', 'x-forwarded-proto': 'https,http' }))).toEqual({ name: '__Host-todo_session', secure: true });
  });

  it('is __Host- and Secure on https served directly', () => {
    expect(refreshCookie(headers({ host: 'localhost:3000' }), 'https:')).toEqual({ name: '__Host-todo_session', secure: true });
  });

  it('is a plain, non-Secure cookie only on plain http to this machine', () => {
    for (const host of ['localhost:3000', 'localhost', '127.0.0.1:3000', '[::1]:3000']) {
      expect(refreshCookie(headers({ host }), 'http:')).toEqual({ name: 'todo_session', secure: false });
    }
    for (const host of ['todo.example', 'localhost.evil.example', '10.0.0.5:3000', '']) {
      expect(refreshCookie(headers({ host }), 'http:')).toEqual({ name: '__Host-todo_session', secure: true });
    }
  });
});
