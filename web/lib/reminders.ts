/**
 * Reminder and recurrence helpers of the todo form: the quick reminder choices, `<input
 * type="datetime-local">` values, and the recurrence as the API takes it (docs/api.md).
 */
import type { components } from './api-schema';

export type Recurrence = components['schemas']['Recurrence'];
export type Weekday = components['schemas']['Weekday'];
export type Frequency = Recurrence['freq'];

export const WEEKDAYS: { day: Weekday; label: string }[] = [
  { day: 'mo', label: 'Mon' },
  { day: 'tu', label: 'Tue' },
  { day: 'we', label: 'Wed' },
  { day: 'th', label: 'Thu' },
  { day: 'fr', label: 'Fri' },
  { day: 'sa', label: 'Sat' },
  { day: 'su', label: 'Sun' },
];

export type QuickReminder = 'in-1-hour' | 'this-evening' | 'tomorrow-morning';

export const QUICK_REMINDERS: { choice: QuickReminder; label: string }[] = [
  { choice: 'in-1-hour', label: 'In 1 hour' },
  { choice: 'this-evening', label: 'This evening' },
  { choice: 'tomorrow-morning', label: 'Tomorrow morning' },
];

/** In 1 hour; this evening at 18:00 (tomorrow's when that has passed); tomorrow at 09:00 — local time. */
export function quickReminder(choice: QuickReminder, now: Date = new Date()): Date {
  if (choice === 'in-1-hour') {
    const at = new Date(now.getTime() + 3_600_000);
    at.setSeconds(0, 0);
    return at;
  }
  const at = new Date(now.getFullYear(), now.getMonth(), now.getDate(), choice === 'this-evening' ? 18 : 9, 0, 0, 0);
  if (choice === 'tomorrow-morning' || at.getTime() <= now.getTime()) at.setDate(at.getDate() + 1);
  return at;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (local time, minutes) for an instant; '' for none. */
export function toLocalInput(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value as an ISO timestamp, or null when empty or not a time. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The form's recurrence: freq '' means "does not repeat". */
export type RecurrenceDraft = { freq: Frequency | ''; interval: string; byWeekday: Weekday[] };

export const NO_RECURRENCE: RecurrenceDraft = { freq: '', interval: '1', byWeekday: [] };

export function recurrenceDraft(recurrence: Recurrence | null | undefined): RecurrenceDraft {
  if (!recurrence) return NO_RECURRENCE;
  return { freq: recurrence.freq, interval: String(recurrence.interval ?? 1), byWeekday: [...(recurrence.byWeekday ?? [])] };
}

export function recurrenceBody(draft: RecurrenceDraft): Recurrence | null {
  if (!draft.freq) return null;
  const body: Recurrence = { freq: draft.freq, interval: Number(draft.interval) };
  if (draft.freq === 'weekly' && draft.byWeekday.length) {
    body.byWeekday = WEEKDAYS.map((w) => w.day).filter((d) => draft.byWeekday.includes(d));
  }
  return body;
}

/** "Every day", "Every 2 weeks on Mon, Wed", "Every month", … for the item's icon label. */
export function describeRecurrence(recurrence: Recurrence): string {
  const n = recurrence.interval ?? 1;
  const unit = { daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year' }[recurrence.freq];
  const every = n === 1 ? `Every ${unit}` : `Every ${n} ${unit}s`;
  const days = recurrence.byWeekday?.length
    ? ` on ${WEEKDAYS.filter((w) => recurrence.byWeekday?.includes(w.day)).map((w) => w.label).join(', ')}`
    : '';
  return every + days;
}

/** Form-level rules the API also applies: interval 1–365, a repeating todo needs a due date. */
export function validateRecurrence(draft: RecurrenceDraft, due: string): Record<string, string> {
  if (!draft.freq) return {};
  const errors: Record<string, string> = {};
  const n = Number(draft.interval);
  if (!Number.isInteger(n) || n < 1 || n > 365) errors.recurrence = 'Repeat every 1 to 365.';
  else if (!due) errors.recurrence = 'A repeating todo needs a due date.';
  return errors;
}
