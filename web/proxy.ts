import { NextResponse, type NextRequest } from 'next/server';

const REFRESH_COOKIE = 'todo_session';

/** Pages of the (app) group need a session: without its cookie, go to sign-in and come back after. */
export function proxy(request: NextRequest) {
  if (request.cookies.has(REFRESH_COOKIE)) return NextResponse.next();
  const url = request.nextUrl.clone();
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = '/sign-in';
  url.search = new URLSearchParams({ reason: 'required', next }).toString();
  return NextResponse.redirect(url);
}

export const config = { matcher: ['/todos/:path*', '/account/:path*'] };
