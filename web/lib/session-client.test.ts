import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InvalidCredentialsError } from './errors';
import { accessToken, refreshSession, setSession, signIn, signOut } from './session-client';

const user = {
  id: 'u1', email: 'ada@example.com', emailVerified: true, pendingEmail: null, name: 'Ada', createdAt: '2026-01-01T00:00:00Z',
  timeZone: 'Europe/Berlin', emailReminders: true, dailyDigest: false,
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' } });

describe('session client', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setSession(null);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it('keeps the access token in memory after sign-in, never the refresh token', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { accessToken: 'a1', expiresIn: 900, user }));
    await signIn(' ada@example.com ', 'secret-pass');
    expect(accessToken()).toBe('a1');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/session/login');
    expect(JSON.parse(String(init?.body))).toEqual({ email: 'ada@example.com', password: 'secret-pass' });
    expect(window.localStorage.length).toBe(0);
  });

  it('surfaces invalid credentials as a typed error', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { code: 'invalid_credentials' }));
    await expect(signIn('ada@example.com', 'nope-nope')).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(accessToken()).toBeNull();
  });

  it('runs one refresh at a time (refresh tokens are single-use)', async () => {
    fetchMock.mockResolvedValue(json(200, { accessToken: 'a2', expiresIn: 900, user }));
    const [a, b] = await Promise.all([refreshSession(), refreshSession()]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(a?.accessToken).toBe('a2');
    expect(b).toEqual(a);
  });

  it('answers null when the session has ended', async () => {
    setSession({ accessToken: 'old', expiresIn: 900, user });
    fetchMock.mockResolvedValueOnce(json(401, { code: 'session_ended' }));
    await expect(refreshSession()).resolves.toBeNull();
    expect(accessToken()).toBeNull();
  });

  it('forgets the token on sign-out even if the server is unreachable', async () => {
    setSession({ accessToken: 'a3', expiresIn: 900, user });
    fetchMock.mockRejectedValueOnce(new TypeError('offline'));
    await expect(signOut()).rejects.toBeTruthy();
    expect(accessToken()).toBeNull();
  });
});
