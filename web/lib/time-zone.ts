/**
 * The account's time zone starts as UTC; on the first sign-in in a browser, the browser's own zone is
 * taken (docs/api.md: reminders, recurrence and the digest use it). A zone the person chose (anything
 * but UTC) is never overwritten; the choice stays changeable in the account settings.
 */
const CHECKED = 'todo.tz-checked.';

export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** The zone to set for this user now, or null: only once per browser, and only over the default. */
export function timeZoneToAdopt(userId: string, current: string, storage: Storage, browserZone = browserTimeZone()): string | null {
  if (storage.getItem(CHECKED + userId)) return null;
  storage.setItem(CHECKED + userId, '1');
  return current === 'UTC' && browserZone && browserZone !== 'UTC' ? browserZone : null;
}

/** Every IANA zone this browser knows, for the settings' picker. */
export function knownTimeZones(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) ? zones : [current, ...zones];
}
