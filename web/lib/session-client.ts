/**
 * Browser side of the session: the access token lives only in this module's memory; the refresh
 * token stays in an httpOnly cookie that only the /api/session route handlers read.
 */
import { NetworkError, toApiError, type Problem } from './errors';
import type { BrowserSession } from './types';

type Current = BrowserSession & { expiresAt: number };

let current: Current | null = null;
let inflight: Promise<BrowserSession | null> | null = null;
const listeners = new Set<(session: BrowserSession | null) => void>();

export function currentSession(): BrowserSession | null {
  return current;
}

/** Seconds until the access token expires (negative when expired). */
export function secondsLeft(now: number = Date.now()): number {
  return current ? (current.expiresAt - now) / 1000 : -1;
}

export function accessToken(): string | null {
  return current?.accessToken ?? null;
}

export function onSessionChange(listener: (session: BrowserSession | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(session: BrowserSession | null): void {
  current = session ? { ...session, expiresAt: Date.now() + session.expiresIn * 1000 } : null;
  for (const l of listeners) l(session);
}

async function post(path: string, body?: unknown, token?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!response.ok) {
    let problem: Problem = {};
    try {
      problem = (await response.json()) as Problem;
    } catch {
      // status alone still maps
    }
    throw toApiError(response.status, problem, response.headers);
  }
  return response;
}

export async function signIn(email: string, password: string): Promise<BrowserSession> {
  const session = (await (await post('/api/session/login', { email: email.trim(), password })).json()) as BrowserSession;
  setSession(session);
  return session;
}

/** Opens an emailed verification or email-change link; the person is signed in by it. */
export async function verifyEmail(token: string): Promise<BrowserSession> {
  const session = (await (await post('/api/session/verify-email', { token })).json()) as BrowserSession;
  setSession(session);
  return session;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<BrowserSession> {
  const response = await post('/api/session/password', { currentPassword, newPassword }, accessToken() ?? undefined);
  const session = (await response.json()) as BrowserSession;
  setSession(session);
  return session;
}

const CHANNEL = 'todo-session';
const TAB_ID = Math.random().toString(36).slice(2);

/** Tells the other tabs of this browser that the session is over (they share the cookie). */
function broadcastSignOut(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ type: 'signed-out', from: TAB_ID });
  channel.close();
}

export function onSignOutElsewhere(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => {
    const data = event.data as { type?: string; from?: string } | null;
    if (data?.type === 'signed-out' && data.from !== TAB_ID) {
      setSession(null);
      listener();
    }
  };
  return () => channel.close();
}

export async function signOut(): Promise<void> {
  try {
    await post('/api/session/logout');
  } finally {
    setSession(null);
    broadcastSignOut();
  }
}

/** Forgets the session locally (after logout-all or account deletion the server side is gone already). */
export async function dropSession(): Promise<void> {
  await signOut().catch(() => undefined);
}

async function refreshOnce(): Promise<BrowserSession | null> {
  try {
    const session = (await (await post('/api/session/refresh')).json()) as BrowserSession;
    setSession(session);
    return session;
  } catch (error) {
    if (error instanceof NetworkError) throw error;
    const status = (error as { status?: number }).status;
    if (status === 401) {
      setSession(null);
      return null;
    }
    throw error;
  }
}

/**
 * Rotates the refresh cookie. One refresh at a time per tab, and across tabs through the Web Locks
 * API: refresh tokens are single-use, and replaying a rotated one revokes the whole session.
 */
export function refreshSession(): Promise<BrowserSession | null> {
  if (inflight) return inflight;
  const run = async () => {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (locks?.request) return locks.request('todo-session-refresh', () => refreshOnce());
    return refreshOnce();
  };
  inflight = run().finally(() => {
    inflight = null;
  });
  return inflight;
}

/** Token for the next API call, refreshed first when it is about to expire. */
export async function freshAccessToken(): Promise<string | null> {
  if (current && secondsLeft() > 30) return current.accessToken;
  const session = await refreshSession();
  return session?.accessToken ?? null;
}
