import { describe, expect, it, vi } from 'vitest';
import {
  ApiClient, buildTodoQuery, EmailNotVerifiedError, EmailTakenError, InvalidCredentialsError, InvalidResetTokenError,
  InvalidVerificationTokenError, NetworkError,
  NotFoundError, RateLimitedError, UnauthorizedError, ValidationError, VersionConflictError, WeakPasswordError,
} from './api';

function problem(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function client(fetchImpl: typeof fetch, extra: Partial<ConstructorParameters<typeof ApiClient>[0]> = {}) {
  return new ApiClient({ baseUrl: 'https://api.test/', fetch: fetchImpl, getAccessToken: () => 'tok', ...extra });
}

describe('ApiClient error mapping', () => {
  it('maps validation_failed with field errors', async () => {
    const api = client(vi.fn(async () =>
      problem(422, { code: 'validation_failed', detail: 'title must not be blank', errors: [{ field: 'title', message: 'must not be blank' }] }),
    ));
    const error = await api.createTodo({ title: '' }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('validation_failed');
    expect(error.fieldErrors).toEqual({ title: 'must not be blank' });
  });

  it.each([
    [400, 'email_taken', EmailTakenError],
    [403, 'email_not_verified', EmailNotVerifiedError],
    [400, 'invalid_verification_token', InvalidVerificationTokenError],
    [401, 'invalid_credentials', InvalidCredentialsError],
    [422, 'weak_password', WeakPasswordError],
    [412, 'version_conflict', VersionConflictError],
    [400, 'invalid_reset_token', InvalidResetTokenError],
    [404, 'not_found', NotFoundError],
  ])('maps %i %s', async (status, code, type) => {
    const api = client(vi.fn(async () => problem(status, { code })));
    const error = await api.register({ email: 'a@b.co', password: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(type);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it('posts verification, resend and email change where the contract says', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const api = client(vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(url), init]);
      return new Response(JSON.stringify({ message: 'ok' }), { status: 202, headers: { 'Content-Type': 'application/json' } });
    }));
    await api.resendVerification({ email: 'a@b.co' });
    await api.changeEmail({ newEmail: 'new@b.co', password: 'pw' });
    expect(calls.map(([url]) => url)).toEqual(['https://api.test/api/auth/email/resend', 'https://api.test/api/auth/email/change']);
    expect(new Headers(calls[0]![1]?.headers).has('Authorization')).toBe(false);
    expect(new Headers(calls[1]![1]?.headers).get('Authorization')).toBe('Bearer tok');
    expect(JSON.parse(String(calls[1]![1]?.body))).toEqual({ newEmail: 'new@b.co', password: 'pw' });
  });

  it('reads Retry-After on rate_limited', async () => {
    const api = client(vi.fn(async () => problem(429, { code: 'rate_limited' }, { 'Retry-After': '42' })));
    const error = await api.login({ email: 'a@b.co', password: 'x' }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfter).toBe(42);
    expect(error.message).toMatch(/42 seconds/);
  });

  it('falls back to the status when the body is not problem+json', async () => {
    const api = client(vi.fn(async () => new Response('<html>', { status: 404, headers: { 'Content-Type': 'text/html' } })));
    await expect(api.getTodo('x')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the request id of an internal error for support', async () => {
    const api = client(vi.fn(async () => problem(500, { code: 'internal_error', requestId: 'req-7' })));
    const error = await api.categories().catch((e) => e);
    expect(error.code).toBe('internal_error');
    expect(error.message).toContain('req-7');
  });

  it.each(['service_busy', 'service_unavailable'])('asks to retry shortly on 503 %s', async (code) => {
    const api = client(vi.fn(async () => problem(503, { code, detail: 'internal wording' }, { 'Retry-After': '1' })));
    const error = await api.login({ email: 'a@b.co', password: 'x' }).catch((e) => e);
    expect(error.code).toBe('service_unavailable');
    expect(error.message).toBe('The service is busy right now. Please try again in a few seconds.');
  });

  it('turns a failed fetch into a NetworkError', async () => {
    const api = client(vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    }));
    await expect(api.me()).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('ApiClient requests', () => {
  it('sends the bearer token, JSON body and If-Match version', async () => {
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) =>
      new Response(JSON.stringify({ id: '1', version: 4 }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"4"' } }),
    );
    const result = await client(fetchMock).updateTodo('1', { title: 'New' }, 3);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://api.test/api/todos/1');
    expect(init?.method).toBe('PATCH');
    const headers = init?.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer tok');
    expect(headers['If-Match']).toBe('"3"');
    expect(JSON.parse(String(init?.body))).toEqual({ title: 'New' });
    expect(result.etag).toBe('"4"');
  });

  it('refreshes once on 401 and retries the call', async () => {
    let token = 'old';
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = (init?.headers as Record<string, string>).Authorization;
      return auth === 'Bearer new'
        ? new Response(JSON.stringify({ id: 'u' }), { status: 200, headers: { 'Content-Type': 'application/json' } })
        : problem(401, { code: 'unauthorized' });
    });
    const refresh = vi.fn(async () => {
      token = 'new';
      return token;
    });
    const api = client(fetchMock, { getAccessToken: () => token, refreshAccessToken: refresh });
    await expect(api.me()).resolves.toEqual({ id: 'u' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('gives up with UnauthorizedError when the refresh fails', async () => {
    const api = client(vi.fn(async () => problem(401, { code: 'unauthorized' })), { refreshAccessToken: async () => null });
    await expect(api.listTodos()).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('reports a session the API refuses even with a fresh token (refresh still rotates), instead of retrying', async () => {
    const fetchMock = vi.fn(async () => problem(401, { code: 'unauthorized' }));
    const refresh = vi.fn(async () => 'rotated');
    const refused = vi.fn();
    const api = client(fetchMock, { refreshAccessToken: refresh, onSessionRefused: refused });
    await expect(api.listTodos()).rejects.toBeInstanceOf(UnauthorizedError);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(refused).toHaveBeenCalledTimes(1);
  });

  it('does not report a refused session for a call that succeeds after the refresh', async () => {
    const fetchMock = vi.fn().mockResolvedValueOnce(problem(401, { code: 'unauthorized' })).mockResolvedValueOnce(new Response('{}', { status: 200 }));
    const refused = vi.fn();
    const api = client(fetchMock, { refreshAccessToken: async () => 'rotated', onSessionRefused: refused });
    await api.me();
    expect(refused).not.toHaveBeenCalled();
  });

  it('builds the list query with repeatable priority and defaults left out', () => {
    const qs = buildTodoQuery({ status: 'active', priority: ['high', 'low'], q: ' milk ', sort: 'position', page: 0, size: 20, tag: 'home' });
    expect(qs.toString()).toBe('status=active&priority=high&priority=low&tag=home&q=milk&size=20');
    expect(buildTodoQuery({ status: 'all', sort: 'dueAt', order: 'desc', page: 2 }).toString()).toBe('sort=dueAt&order=desc&page=2');
  });
});
