import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce } from './csp';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `)) ?? '';

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce in production', () => {
    const csp = contentSecurityPolicy('abc123', { dev: false, apiUrl: 'https://api.example.com/base' });
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' https://api.example.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('allows eval and the HMR socket only in development', () => {
    const csp = contentSecurityPolicy('n', { dev: true });
    expect(directive(csp, 'script-src')).toContain("'unsafe-eval'");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' ws:");
  });

  it('ignores an API URL that is not a URL', () => {
    expect(directive(contentSecurityPolicy('n', { dev: false, apiUrl: 'not a url' }), 'connect-src')).toBe("connect-src 'self'");
  });
});

describe('newNonce', () => {
  it('is 128 random bits, different every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(atob(nonce)).toHaveLength(16);
  });
});
