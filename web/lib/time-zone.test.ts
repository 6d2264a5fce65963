import { describe, expect, it } from 'vitest';
import { knownTimeZones, timeZoneToAdopt } from './time-zone';

describe('time zone on first sign-in', () => {
  it('takes the browser zone over the default once per user and browser', () => {
    const storage = window.localStorage;
    storage.clear();
    expect(timeZoneToAdopt('u1', 'UTC', storage, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(timeZoneToAdopt('u1', 'UTC', storage, 'Europe/Berlin')).toBeNull();
  });

  it('never overwrites a zone the person chose, nor sets UTC again', () => {
    const storage = window.localStorage;
    storage.clear();
    expect(timeZoneToAdopt('u2', 'Asia/Tokyo', storage, 'Europe/Berlin')).toBeNull();
    expect(timeZoneToAdopt('u3', 'UTC', storage, 'UTC')).toBeNull();
  });

  it('lists the current zone even when the browser does not know it', () => {
    expect(knownTimeZones('Etc/Unknown')[0]).toBe('Etc/Unknown');
  });
});
