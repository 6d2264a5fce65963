import { describe, expect, it } from 'vitest';
import { reasonMessage, safeNext, signInUrl } from './navigation';

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/account?x=1')).toBe('/account?x=1');
    expect(safeNext('//evil.example')).toBe('/todos');
    expect(safeNext('https://evil.example')).toBe('/todos');
    expect(safeNext('/\\evil.example')).toBe('/todos');
    expect(safeNext('/api/session/logout')).toBe('/todos');
    expect(safeNext(null)).toBe('/todos');
  });
});

describe('signInUrl', () => {
  it('carries the reason and the page to come back to', () => {
    expect(signInUrl('expired', '/todos?status=active')).toBe('/sign-in?reason=expired&next=%2Ftodos%3Fstatus%3Dactive');
    expect(reasonMessage('expired')).toMatch(/session has ended/);
    expect(reasonMessage('whatever')).toBeNull();
  });
});
