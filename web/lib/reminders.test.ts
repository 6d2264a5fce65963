import { describe, expect, it } from 'vitest';
import {
  describeRecurrence,
  localInputToIso,
  quickReminder,
  recurrenceBody,
  recurrenceDraft,
  toLocalInput,
  validateRecurrence,
} from './reminders';

describe('quick reminders', () => {
  const morning = new Date(2026, 10, 30, 10, 17, 42);
  const night = new Date(2026, 10, 30, 21, 5);

  it('in 1 hour, on the minute', () => {
    expect(toLocalInput(quickReminder('in-1-hour', morning))).toBe('2026-11-30T11:17');
  });

  it('this evening is 18:00 today, or tomorrow once that has passed', () => {
    expect(toLocalInput(quickReminder('this-evening', morning))).toBe('2026-11-30T18:00');
    expect(toLocalInput(quickReminder('this-evening', night))).toBe('2026-12-01T18:00');
  });

  it('tomorrow morning is 09:00 the next day, across a month end', () => {
    expect(toLocalInput(quickReminder('tomorrow-morning', morning))).toBe('2026-12-01T09:00');
  });
});

describe('datetime-local values', () => {
  it('round-trips local time and rejects junk', () => {
    const iso = localInputToIso('2027-01-15T18:30');
    expect(iso).not.toBeNull();
    expect(toLocalInput(iso)).toBe('2027-01-15T18:30');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });
});

describe('recurrence', () => {
  it('sends days only for a weekly rule, Monday first', () => {
    expect(recurrenceBody({ freq: 'weekly', interval: '2', byWeekday: ['fr', 'mo'] })).toEqual({
      freq: 'weekly',
      interval: 2,
      byWeekday: ['mo', 'fr'],
    });
    expect(recurrenceBody({ freq: 'monthly', interval: '1', byWeekday: ['mo'] })).toEqual({ freq: 'monthly', interval: 1 });
    expect(recurrenceBody(recurrenceDraft(null))).toBeNull();
  });

  it('describes the rule for the icon', () => {
    expect(describeRecurrence({ freq: 'daily', interval: 1 })).toBe('Every day');
    expect(describeRecurrence({ freq: 'weekly', interval: 2, byWeekday: ['mo', 'we'] })).toBe('Every 2 weeks on Mon, Wed');
  });

  it('needs a due date and an interval of 1 to 365', () => {
    expect(validateRecurrence({ freq: 'daily', interval: '1', byWeekday: [] }, '')).toEqual({
      recurrence: 'A repeating todo needs a due date.',
    });
    expect(validateRecurrence({ freq: 'daily', interval: '0', byWeekday: [] }, '2027-01-01').recurrence).toBeDefined();
    expect(validateRecurrence({ freq: 'yearly', interval: '365', byWeekday: [] }, '2027-01-01')).toEqual({});
    expect(validateRecurrence({ freq: '', interval: 'x', byWeekday: [] }, '')).toEqual({});
  });
});
