/**
 * The refresh-token cookie's name and Secure flag. `__Host-` makes the browser refuse the cookie
 * unless it is Secure, has Path=/ and no Domain, so a sibling subdomain cannot plant or overwrite
 * it. Only plain-http development on this machine goes without: browsers refuse Secure cookies
 * (and so `__Host-` ones) from http origins, so there it is a plain, non-Secure cookie.
 */
export const SECURE_REFRESH_COOKIE = '__Host-todo_session';
export const LOCAL_REFRESH_COOKIE = 'todo_session';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type RefreshCookie = { name: string; secure: boolean };

/** `protocol` is the scheme the server saw ("http:"); a proxy's X-Forwarded-Proto wins over it. */
export function refreshCookie(headers: Headers, protocol = 'http:'): RefreshCookie {
  const scheme = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? protocol.replace(':', '');
  const host = headers.get('x-forwarded-host') ?? headers.get('host') ?? '';
  let hostname = '';
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    // an unparsable host is not local
  }
  const localHttp = scheme === 'http' && LOCAL_HOSTS.has(hostname);
  return localHttp ? { name: LOCAL_REFRESH_COOKIE, secure: false } : { name: SECURE_REFRESH_COOKIE, secure: true };
}
