import { describe, expect, it } from 'vitest';
import { reasonMessage, safeNext, signInUrl } from './navigation';

describe('safeNext', () => {
  it('follows same-site paths', () => {
    expect(safeNext('/account?x=1')).toBe('/account?x=1');
    expect(safeNext('/todos?status=active#list')).toBe('/todos?status=active#list');
    expect(safeNext(null)).toBe('/todos');
    expect(safeNext('')).toBe('/todos');
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['absolute https', 'https://evil.example'],
    ['absolute http', 'http://evil.example/todos'],
    ['same host, absolute form', `${window.location.origin}/todos`],
    ['backslash', '/\\evil.example'],
    ['two backslashes', '\\\\evil.example'],
    ['backslash then slash', '\\/evil.example'],
    ['tab between the slashes', '/\t/evil.example'],
    ['newline between the slashes', '/\n/evil.example'],
    ['carriage return between the slashes', '/\r/evil.example'],
    ['tab before a backslash', '/\t\\evil.example'],
    ['decoded from ?next=%2F%09%2Fevil.example', new URLSearchParams('next=%2F%09%2Fevil.example').get('next')],
    ['decoded from ?next=%2F%5Cevil.example', new URLSearchParams('next=%2F%5Cevil.example').get('next')],
    ['javascript: URL', 'javascript:alert(1)'],
    ['javascript: URL with leading space', ' javascript:alert(1)'],
    ['data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['user info', '//user@evil.example'],
    ['the API', '/api/session/logout'],
    ['the API through dot segments', '/todos/../api/session/logout'],
  ])('refuses %s', (_, next) => {
    expect(safeNext(next)).toBe('/todos');
  });

  it('keeps percent-encoded slashes as a path on this site', () => {
    // still a same-origin path: the browser requests /%2F%2Fevil.example here, never evil.example
    expect(safeNext('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example');
    expect(safeNext('/%5Cevil.example')).toBe('/%5Cevil.example');
  });

  it('hands back the normalised path, not the raw text', () => {
    expect(safeNext('/todos/\t../account')).toBe('/account');
    expect(safeNext('/account\\settings')).toBe('/account/settings');
  });
});

describe('signInUrl', () => {
  it('carries the reason and the page to come back to', () => {
    expect(signInUrl('expired', '/todos?status=active')).toBe('/sign-in?reason=expired&next=%2Ftodos%3Fstatus%3Dactive');
    expect(reasonMessage('expired')).toMatch(/session has ended/);
    expect(reasonMessage('whatever')).toBeNull();
  });

  it('drops a next that would leave the site', () => {
    expect(signInUrl('required', '/\t/evil.example')).toBe('/sign-in?reason=required');
  });
});
