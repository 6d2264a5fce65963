'use client';

import { useId } from 'react';
import { LIMITS, normalizeTags, PRIORITIES, validateTodo, type FieldErrors, type Priority } from '@/lib/validation';
import { dateInputToIso, isoToDateInput } from '@/lib/todos-state';
import type { Todo, TodoCreate } from '@/lib/types';

/** Form state of a todo's details, as text the inputs hold. */
export type TodoDraft = {
  title: string;
  description: string;
  priority: Priority;
  category: string;
  tags: string;
  due: string;
};

export const EMPTY_DRAFT: TodoDraft = { title: '', description: '', priority: 'none', category: '', tags: '', due: '' };

export function draftFromTodo(todo: Todo): TodoDraft {
  return {
    title: todo.title,
    description: todo.description ?? '',
    priority: todo.priority,
    category: todo.category ?? '',
    tags: todo.tags.join(', '),
    due: isoToDateInput(todo.dueAt),
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
  };
}

export function validateDraft(draft: TodoDraft): FieldErrors {
  return validateTodo({ ...draft, tags: normalizeTags(draft.tags) });
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
