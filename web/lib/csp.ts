/**
 * The Content-Security-Policy of every page. Scripts run only with this request's nonce (Next.js
 * puts it on its own scripts when it finds it in the request's CSP header; the theme script gets it
 * from the layout), and 'strict-dynamic' lets those load the chunks they need: an injected script
 * has no nonce and does not run. Styles keep 'unsafe-inline' (style attributes; no script runs from them).
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; apiUrl?: string }): string {
  const api = origin(options.apiUrl);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // eval only in development (React Refresh)
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(api ? [api] : []), ...(options.dev ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A fresh, unguessable nonce (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

function origin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
