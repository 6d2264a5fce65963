import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/csp';
import { refreshCookie } from '@/lib/session-cookie';

const NEEDS_SESSION = /^\/(todos|account)(\/|$)/;

/**
 * Every page: a fresh CSP nonce (on the request, where Next.js and the layout read it, and on the
 * response). Pages of the (app) group also need a session: without its cookie, go to sign-in and
 * come back after.
 */
export function proxy(request: NextRequest) {
  if (NEEDS_SESSION.test(request.nextUrl.pathname) && !request.cookies.has(refreshCookie(request.headers, request.nextUrl.protocol).name)) {
    const url = request.nextUrl.clone();
    const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    url.pathname = '/sign-in';
    url.search = new URLSearchParams({ reason: 'required', next }).toString();
    return NextResponse.redirect(url);
  }
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV !== 'production',
    apiUrl: process.env.NEXT_PUBLIC_API_URL,
  });
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// pages only: not the API routes or build assets
export const config = {
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
