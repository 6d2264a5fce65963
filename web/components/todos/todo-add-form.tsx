'use client';

import { useRef, useState, type FormEvent } from 'react';
import { LIMITS, type FieldErrors } from '@/lib/validation';
import { draftToBody, EMPTY_DRAFT, TodoFields, validateDraft, type TodoDraft } from './todo-fields';
import type { CreateResult } from './use-todo-mutations';
import type { TodoCreate } from '@/lib/types';

/** The quick-add line, with the optional details folded away. */
export function TodoAddForm({ categories, onCreate }: { categories: string[]; onCreate: (body: TodoCreate) => Promise<CreateResult> }) {
  const [title, setTitle] = useState('');
  const [draft, setDraft] = useState<TodoDraft>(EMPTY_DRAFT);
  const [showDetails, setShowDetails] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [adding, setAdding] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const full = { ...draft, title };
    const fieldErrors = validateDraft(full);
    setErrors(fieldErrors);
    if (Object.keys(fieldErrors).length) {
      if (fieldErrors.title) titleRef.current?.focus();
      else setShowDetails(true);
      return;
    }
    // cleared at once for the next todo; given back if the API refuses this one
    setTitle('');
    setDraft(EMPTY_DRAFT);
    setShowDetails(false);
    setAdding(true);
    const result = await onCreate(draftToBody(full));
    if (!result.ok) {
      setTitle((current) => current || full.title);
      setDraft({ ...full });
      if (result.fieldErrors) {
        setErrors(result.fieldErrors);
        setShowDetails(true);
      }
    }
    setAdding(false);
    titleRef.current?.focus();
  }

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-label="Add a todo">
      <label htmlFor="new-todo" className="sr-only">
        New todo
      </label>
      <div className="quick-add">
        <input
          id="new-todo"
          ref={titleRef}
          className="input"
          placeholder="What needs doing? Press Enter to add"
          value={title}
          maxLength={LIMITS.titleMax}
          onChange={(e) => setTitle(e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? 'new-todo-error' : undefined}
          autoComplete="off"
        />
        <button type="submit" className="btn btn-primary" aria-busy={adding}>
          Add
        </button>
      </div>
      {errors.title ? (
        <p id="new-todo-error" className="field-error">
          {errors.title}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-ghost btn-sm"
        style={{ marginTop: '0.5rem' }}
        aria-expanded={showDetails}
        aria-controls="new-todo-details"
        onClick={() => setShowDetails((v) => !v)}
      >
        {showDetails ? 'Hide details' : 'Add details'}
      </button>
      <div id="new-todo-details" hidden={!showDetails}>
        {showDetails ? <TodoFields draft={draft} onChange={setDraft} errors={errors} categories={categories} /> : null}
      </div>
    </form>
  );
}
