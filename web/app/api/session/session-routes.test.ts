// @vitest-environment node
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as login } from './login/route';
import { POST as logout } from './logout/route';
import { POST as password } from './password/route';
import { POST as refresh } from './refresh/route';
import { POST as verifyEmail } from './verify-email/route';

const user = { id: 'u1', email: 'ada@example.com', emailVerified: true, pendingEmail: null, name: null, createdAt: '2026-01-01T00:00:00Z' };
const tokens = { accessToken: 'access-1', tokenType: 'Bearer', expiresIn: 900, refreshToken: 'refresh-1', refreshExpiresIn: 2_592_000, user };
const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });

type RequestInit = {
  body?: unknown;
  cookie?: string;
  origin?: string;
  proto?: string;
  host?: string;
  fetchSite?: string;
  authorization?: string;
};

function request(path: string, init: RequestInit = {}) {
  const host = init.host ?? 'app.example';
  const headers = new Headers({ host, 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' });
  if (init.cookie) headers.set('cookie', init.cookie);
  if (init.origin) headers.set('origin', init.origin);
  if (init.proto) headers.set('x-forwarded-proto', init.proto);
  if (init.fetchSite) headers.set('sec-fetch-site', init.fetchSite);
  if (init.authorization) headers.set('authorization', init.authorization);
  return new NextRequest(`http://${host}${path}`, {
    method: 'POST',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  process.env.API_URL = 'https://api.example';
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

describe('POST /api/session/login', () => {
  it('keeps the refresh token in an httpOnly cookie and gives the browser only the access token', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, tokens));
    const response = await login(request('/api/session/login', { body: { email: 'ada@example.com', password: 'pw-12345678' }, proto: 'https' }));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ accessToken: 'access-1', expiresIn: 900, user });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-todo_session=refresh-1;/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\/(;|$)/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('https://api.example/api/auth/login');
    expect(new Headers(init?.headers).get('X-Forwarded-For')).toBe('203.0.113.9');
  });

  it('omits Secure (and so the __Host- prefix) only on plain http to localhost (local development)', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
      fetchMock.mockResolvedValueOnce(reply(200, tokens));
      const response = await login(request('/api/session/login', { body: { email: 'a@b.co', password: 'x' }, host }));
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^todo_session=refresh-1;/);
      expect(cookie).not.toMatch(/Secure/i);
    }
  });

  it('keeps Secure and __Host- on plain http to any other host (a proxy that forgot X-Forwarded-Proto)', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, tokens));
    const response = await login(request('/api/session/login', { body: { email: 'a@b.co', password: 'x' } }));
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-todo_session=refresh-1;/);
    expect(cookie).toMatch(/Secure/i);
  });

  it('relays problem+json and Retry-After from the API', async () => {
    fetchMock.mockResolvedValueOnce(reply(429, { code: 'rate_limited', title: 'Too many requests' }, { 'Retry-After': '30' }));
    const response = await login(request('/api/session/login', { body: { email: 'a@b.co', password: 'x' } }));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    expect((await response.json()).code).toBe('rate_limited');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses cross-site calls', async () => {
    const response = await login(request('/api/session/login', { body: { email: 'a@b.co', password: 'x' }, origin: 'https://evil.example' }));
    expect(response.status).toBe(403);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('gives a cross-site form post nothing: no API call, no cookie, no token', async () => {
    await expectNothingUseful(login, { body: { email: 'ada@example.com', password: 'pw-12345678' } });
  });
});

describe('POST /api/session/refresh', () => {
  it('answers no_session without a cookie', async () => {
    const response = await refresh(request('/api/session/refresh'));
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('no_session');
  });

  it('rotates the cookie', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ...tokens, accessToken: 'access-2', refreshToken: 'refresh-2' }));
    const response = await refresh(request('/api/session/refresh', { cookie: '__Host-todo_session=refresh-1' }));
    expect(response.status).toBe(200);
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ refreshToken: 'refresh-1' });
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-todo_session=refresh-2;/);
  });

  it('clears the cookie when the session has ended', async () => {
    fetchMock.mockResolvedValueOnce(reply(401, { code: 'invalid_refresh_token' }));
    const response = await refresh(request('/api/session/refresh', { cookie: '__Host-todo_session=revoked' }));
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('session_ended');
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-todo_session=;.*Max-Age=0/i);
  });

  it('reads only the __Host- cookie: a plain one planted by a sibling subdomain is ignored', async () => {
    const response = await refresh(request('/api/session/refresh', { cookie: 'todo_session=planted', proto: 'https' }));
    expect(response.status).toBe(401);
    expect((await response.json()).code).toBe('no_session');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('gives a cross-site request nothing: no rotation, no access token', async () => {
    await expectNothingUseful(refresh, { cookie: '__Host-todo_session=refresh-1' });
  });

  it('keeps the cookie when the API is unreachable', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('connect ECONNREFUSED'));
    const response = await refresh(request('/api/session/refresh', { cookie: '__Host-todo_session=refresh-1' }));
    expect(response.status).toBe(502);
    expect(response.headers.get('set-cookie')).toBeNull();
  });
});

describe('POST /api/session/logout', () => {
  it('revokes the refresh token and clears the cookie, even when the API fails', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    const response = await logout(request('/api/session/logout', { cookie: '__Host-todo_session=refresh-1' }));
    expect(response.status).toBe(204);
    expect(fetchMock.mock.calls[0]![0]).toBe('https://api.example/api/auth/logout');
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/i);
  });

  it('ignores a cross-site request: the session is neither revoked nor cleared', async () => {
    await expectNothingUseful(logout, { cookie: '__Host-todo_session=refresh-1' });
  });
});

describe('POST /api/session/password', () => {
  it('answers fresh tokens through the cookie', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ...tokens, refreshToken: 'refresh-3' }));
    const response = await password(
      request('/api/session/password', { body: { currentPassword: 'old-pass-1', newPassword: 'new-pass-12' }, authorization: 'Bearer access-1', proto: 'https' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-todo_session=refresh-3;/);
  });

  it('gives a cross-site request nothing: no password change, no tokens', async () => {
    await expectNothingUseful(password, {
      body: { currentPassword: 'old-pass-1', newPassword: 'new-pass-12' },
      authorization: 'Bearer access-1',
      cookie: '__Host-todo_session=refresh-1',
    });
  });
});

describe('POST /api/session/verify-email', () => {
  it('signs the holder of the link in through the cookie', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ...tokens, refreshToken: 'refresh-4' }));
    const response = await verifyEmail(request('/api/session/verify-email', { body: { token: 'link-token' }, proto: 'https' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accessToken: 'access-1', expiresIn: 900, user });
    expect(response.headers.get('set-cookie')).toMatch(/^__Host-todo_session=refresh-4;/);
    expect(String(fetchMock.mock.calls[0]![0])).toBe('https://api.example/api/auth/email/verify');
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ token: 'link-token' });
  });

  it('relays a spent link as the API answered it, with no cookie', async () => {
    fetchMock.mockResolvedValueOnce(reply(400, { code: 'invalid_verification_token', detail: 'used' }));
    const response = await verifyEmail(request('/api/session/verify-email', { body: { token: 'used-token' } }));
    expect(response.status).toBe(400);
    expect((await response.json()).code).toBe('invalid_verification_token');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('gives a cross-site request nothing: the link is not spent, no tokens', async () => {
    await expectNothingUseful(verifyEmail, { body: { token: 'link-token' } });
  });
});

/**
 * A page on another site posting to a session route, with the victim's cookie attached (as an old
 * browser without SameSite would): by Origin, and by Sec-Fetch-Site alone. It must reach no API,
 * set or clear no cookie and answer no token.
 */
async function expectNothingUseful(route: (request: NextRequest) => Promise<Response>, init: RequestInit) {
  for (const attack of [
    { origin: 'https://evil.example', fetchSite: 'cross-site' },
    { origin: 'https://evil.example' },
    { fetchSite: 'cross-site' },
    { origin: 'https://sub.app.example', fetchSite: 'same-site' },
  ]) {
    const response = await route(request('/api/session/x', { ...init, ...attack, proto: 'https' }));
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
    const text = await response.text();
    expect(text).not.toMatch(/access-|refresh-|accessToken/);
  }
  expect(fetchMock).not.toHaveBeenCalled();
}
