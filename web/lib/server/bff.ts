import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { ApiClient, ApiError } from '@/lib/api';
import type { BrowserSession, Tokens } from '@/lib/types';

/** Name of the httpOnly cookie that holds the refresh token on the UI's own origin. */
export const REFRESH_COOKIE = 'todo_session';

/** Base URL of the API for server-side calls: API_URL, else the public one. */
export function serverApiUrl(): string {
  const env = process.env;
  const url = env['API_URL'] || env['NEXT_PUBLIC_API_URL'];
  if (!url) throw new Error('API_URL (or NEXT_PUBLIC_API_URL) is not set');
  return url;
}

export function serverApi(request: NextRequest, accessToken?: string): ApiClient {
  const forwardedFor = request.headers.get('x-forwarded-for');
  return new ApiClient({
    baseUrl: serverApiUrl(),
    getAccessToken: () => accessToken ?? null,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      if (forwardedFor) headers.set('X-Forwarded-For', forwardedFor);
      const requestId = request.headers.get('x-request-id');
      if (requestId) headers.set('X-Request-Id', requestId);
      return fetch(input, { ...init, headers });
    },
  });
}

function isHttps(request: NextRequest): boolean {
  const proto = request.headers.get('x-forwarded-proto');
  return (proto ?? request.nextUrl.protocol.replace(':', '')) === 'https';
}

/** Rejects cross-site calls: the cookie is SameSite=Lax already; this also covers same-site subdomains. */
export function crossSite(request: NextRequest): NextResponse | null {
  const origin = request.headers.get('origin');
  if (!origin) return null;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    if (new URL(origin).host === host) return null;
  } catch {
    // fall through
  }
  return problem(403, 'forbidden', 'Cross-site request refused.');
}

export function problem(status: number, code: string, detail: string): NextResponse {
  return NextResponse.json(
    { type: 'about:blank', title: detail, status, detail, code },
    { status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } },
  );
}

/** Relays an API error to the browser unchanged (status, problem body, Retry-After). */
export function relayError(error: unknown): NextResponse {
  if (error instanceof ApiError && error.status > 0) {
    const headers: Record<string, string> = { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' };
    const retryAfter = 'retryAfter' in error ? (error as { retryAfter: number | null }).retryAfter : null;
    if (retryAfter !== null) headers['Retry-After'] = String(retryAfter);
    return NextResponse.json({ status: error.status, code: error.code, ...error.problem }, { status: error.status, headers });
  }
  return problem(502, 'network_error', 'The API cannot be reached right now. Please try again.');
}

/** The browser gets the access token and user; the refresh token goes into the httpOnly cookie. */
export function sessionResponse(request: NextRequest, tokens: Tokens): NextResponse {
  const body: BrowserSession = { accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, user: tokens.user };
  const response = NextResponse.json(body, { headers: { 'Cache-Control': 'no-store' } });
  response.cookies.set(REFRESH_COOKIE, tokens.refreshToken, {
    httpOnly: true,
    secure: isHttps(request),
    sameSite: 'lax',
    path: '/',
    maxAge: tokens.refreshExpiresIn,
  });
  return response;
}

export function clearSession(response: NextResponse, request: NextRequest): NextResponse {
  response.cookies.set(REFRESH_COOKIE, '', { httpOnly: true, secure: isHttps(request), sameSite: 'lax', path: '/', maxAge: 0 });
  return response;
}
