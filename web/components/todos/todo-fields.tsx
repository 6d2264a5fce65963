'use client';

import { useId } from 'react';
import { LIMITS, normalizeTags, PRIORITIES, validateTodo, type FieldErrors, type Priority } from '@/lib/validation';
import { dateInputToIso, isoToDateInput } from '@/lib/todos-state';
import {
  localInputToIso,
  NO_RECURRENCE,
  QUICK_REMINDERS,
  quickReminder,
  recurrenceBody,
  recurrenceDraft,
  toLocalInput,
  validateRecurrence,
  WEEKDAYS,
  type Frequency,
  type RecurrenceDraft,
} from '@/lib/reminders';
import type { Todo, TodoCreate } from '@/lib/types';

/** Form state of a todo's details, as text the inputs hold. */
export type TodoDraft = {
  title: string;
  description: string;
  priority: Priority;
  category: string;
  tags: string;
  due: string;
  /** `datetime-local` value of the reminder, '' for none */
  remind: string;
  /** the stored remindAt, sent back unchanged when the field was not touched (it may be past by now) */
  remindStored: string | null;
  recurrence: RecurrenceDraft;
};

export const EMPTY_DRAFT: TodoDraft = {
  title: '',
  description: '',
  priority: 'none',
  category: '',
  tags: '',
  due: '',
  remind: '',
  remindStored: null,
  recurrence: NO_RECURRENCE,
};

export function draftFromTodo(todo: Todo): TodoDraft {
  return {
    title: todo.title,
    description: todo.description ?? '',
    priority: todo.priority,
    category: todo.category ?? '',
    tags: todo.tags.join(', '),
    due: isoToDateInput(todo.dueAt),
    remind: toLocalInput(todo.remindAt),
    remindStored: todo.remindAt ?? null,
    recurrence: recurrenceDraft(todo.recurrence),
  };
}

export function draftToBody(draft: TodoDraft): TodoCreate {
  return {
    title: draft.title.trim(),
    description: draft.description.trim() ? draft.description : null,
    priority: draft.priority,
    category: draft.category.trim() || null,
    tags: normalizeTags(draft.tags),
    dueAt: dateInputToIso(draft.due),
    remindAt: draft.remindStored && draft.remind === toLocalInput(draft.remindStored) ? draft.remindStored : localInputToIso(draft.remind),
    recurrence: recurrenceBody(draft.recurrence),
  };
}

export function validateDraft(draft: TodoDraft): FieldErrors {
  const errors: FieldErrors = { ...validateTodo({ ...draft, tags: normalizeTags(draft.tags) }), ...validateRecurrence(draft.recurrence, draft.due) };
  const remindAt = draft.remindStored && draft.remind === toLocalInput(draft.remindStored) ? null : localInputToIso(draft.remind);
  if (remindAt && new Date(remindAt).getTime() <= Date.now()) errors.remindAt = 'Pick a time in the future.';
  return errors;
}

type Props = {
  draft: TodoDraft;
  onChange: (draft: TodoDraft) => void;
  errors: FieldErrors;
  categories?: string[];
  withTitle?: boolean;
};

export function TodoFields({ draft, onChange, errors, categories = [], withTitle }: Props) {
  const id = useId();
  const set = <K extends keyof TodoDraft>(key: K, value: TodoDraft[K]) => onChange({ ...draft, [key]: value });
  const err = (key: string) =>
    errors[key] ? (
      <p id={`${id}-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    ) : null;
  const describedBy = (key: string, hint?: boolean) =>
    [hint ? `${id}-${key}-hint` : '', errors[key] ? `${id}-${key}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <div className="details-grid">
      {withTitle ? (
        <div className="field span-2">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            className="input"
            value={draft.title}
            maxLength={LIMITS.titleMax}
            onChange={(e) => set('title', e.target.value)}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title')}
            required
          />
          {err('title')}
        </div>
      ) : null}
      <div className="field span-2">
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea
          id={`${id}-description`}
          className="textarea"
          value={draft.description}
          maxLength={LIMITS.descriptionMax}
          onChange={(e) => set('description', e.target.value)}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={describedBy('description')}
        />
        {err('description')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>Priority</label>
        <select id={`${id}-priority`} className="select" value={draft.priority} onChange={(e) => set('priority', e.target.value as Priority)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {p === 'none' ? 'No priority' : p[0]?.toUpperCase() + p.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>Due date</label>
        <input id={`${id}-due`} className="input" type="date" value={draft.due} onChange={(e) => set('due', e.target.value)} />
      </div>
      <div className="field span-2">
        <label htmlFor={`${id}-remind`}>Reminder email</label>
        <div className="reminder-picker">
          {QUICK_REMINDERS.map(({ choice, label }) => (
            <button key={choice} type="button" className="btn btn-sm" onClick={() => set('remind', toLocalInput(quickReminder(choice)))}>
              {label}
            </button>
          ))}
          <input
            id={`${id}-remind`}
            className="input"
            type="datetime-local"
            value={draft.remind}
            onChange={(e) => set('remind', e.target.value)}
            aria-invalid={errors.remindAt ? true : undefined}
            aria-describedby={describedBy('remindAt')}
          />
          {draft.remind ? (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => set('remind', '')}>
              No reminder
            </button>
          ) : null}
        </div>
        {err('remindAt')}
      </div>
      <div className="field span-2">
        <label htmlFor={`${id}-repeat`}>Repeat</label>
        <div className="recurrence-picker">
          <select
            id={`${id}-repeat`}
            className="select"
            value={draft.recurrence.freq}
            onChange={(e) => set('recurrence', { ...draft.recurrence, freq: e.target.value as Frequency | '' })}
            aria-invalid={errors.recurrence ? true : undefined}
            aria-describedby={describedBy('recurrence')}
          >
            <option value="">Does not repeat</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
            <option value="monthly">Monthly</option>
            <option value="yearly">Yearly</option>
          </select>
          {draft.recurrence.freq ? (
            <label className="inline-field">
              every
              <input
                className="input input-narrow"
                type="number"
                min={1}
                max={365}
                value={draft.recurrence.interval}
                onChange={(e) => set('recurrence', { ...draft.recurrence, interval: e.target.value })}
                aria-label="Repeat every"
              />
            </label>
          ) : null}
        </div>
        {draft.recurrence.freq === 'weekly' ? (
          <fieldset className="weekday-picker">
            <legend className="sr-only">On these days</legend>
            {WEEKDAYS.map(({ day, label }) => (
              <label key={day} className="weekday">
                <input
                  type="checkbox"
                  checked={draft.recurrence.byWeekday.includes(day)}
                  onChange={(e) =>
                    set('recurrence', {
                      ...draft.recurrence,
                      byWeekday: e.target.checked ? [...draft.recurrence.byWeekday, day] : draft.recurrence.byWeekday.filter((d) => d !== day),
                    })
                  }
                />
                {label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {err('recurrence')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-category`}>Category</label>
        <input
          id={`${id}-category`}
          className="input"
          list={`${id}-categories`}
          value={draft.category}
          maxLength={LIMITS.categoryMax}
          onChange={(e) => set('category', e.target.value)}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={describedBy('category')}
        />
        <datalist id={`${id}-categories`}>
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        {err('category')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>Tags</label>
        <input
          id={`${id}-tags`}
          className="input"
          value={draft.tags}
          onChange={(e) => set('tags', e.target.value)}
          aria-invalid={errors.tags ? true : undefined}
          aria-describedby={describedBy('tags', true)}
          placeholder="home, errands"
        />
        <p id={`${id}-tags-hint`} className="hint">
          Comma separated, up to {LIMITS.tagsMax}.
        </p>
        {err('tags')}
      </div>
    </div>
  );
}
