import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { ApiClient, ApiError } from '@/lib/api';
import { refreshCookie, type RefreshCookie } from '@/lib/session-cookie';
import type { BrowserSession, Tokens } from '@/lib/types';

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

/** The httpOnly cookie that holds the refresh token on the UI's own origin, for this request. */
function sessionCookie(request: NextRequest): RefreshCookie {
  return refreshCookie(request.headers, request.nextUrl.protocol);
}

/** The refresh token this request carries, read only under the name this origin sets. */
export function refreshTokenOf(request: NextRequest): string | undefined {
  return request.cookies.get(sessionCookie(request).name)?.value;
}

/**
 * Rejects cross-site calls: the cookie is SameSite=Lax already (a cross-site POST carries none);
 * this also covers same-site subdomains and browsers that send Sec-Fetch-Site without Origin.
 */
export function crossSite(request: NextRequest): NextResponse | null {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site' || site === 'same-site') return problem(403, 'forbidden', 'Cross-site request refused.');
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
  const { name, secure } = sessionCookie(request);
  response.cookies.set(name, tokens.refreshToken, { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: tokens.refreshExpiresIn });
  return response;
}

export function clearSession(response: NextResponse, request: NextRequest): NextResponse {
  const { name, secure } = sessionCookie(request);
  response.cookies.set(name, '', { httpOnly: true, secure, sameSite: 'lax', path: '/', maxAge: 0 });
  return response;
}
