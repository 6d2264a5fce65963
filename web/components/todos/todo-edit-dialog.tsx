'use client';

import { useState, type FormEvent } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/field';
import { errorMessage, NotFoundError, UnauthorizedError, ValidationError, VersionConflictError } from '@/lib/errors';
import type { Todo, TodoPatch } from '@/lib/types';
import type { FieldErrors } from '@/lib/validation';
import { draftFromTodo, draftToBody, TodoFields, validateDraft } from './todo-fields';

type Props = {
  todo: Todo | null;
  categories: string[];
  /** saves with the version the dialog started from (a change elsewhere is a conflict); null overwrites */
  update: (todo: Todo, patch: TodoPatch, version?: number | null) => Promise<Todo>;
  latest: (id: string) => Promise<Todo>;
  onClose: () => void;
  onGone: () => void;
};

export function TodoEditDialog({ todo, onClose, ...rest }: Props) {
  return (
    <Dialog open={todo !== null} onClose={onClose} title="Edit todo">
      {todo ? <EditForm key={`${todo.id}:${todo.version}`} todo={todo} onClose={onClose} {...rest} /> : null}
    </Dialog>
  );
}

function EditForm({ todo: initial, categories, update, latest, onClose, onGone }: Omit<Props, 'todo'> & { todo: Todo }) {
  const [todo, setTodo] = useState(initial);
  const [draft, setDraft] = useState(() => draftFromTodo(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent, version: number | null = todo.version) {
    event.preventDefault();
    const fieldErrors = validateDraft(draft);
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    setConflict(false);
    try {
      await update(todo, draftToBody(draft), version);
      onClose();
    } catch (error) {
      setBusy(false);
      if (error instanceof VersionConflictError) setConflict(true);
      else if (error instanceof NotFoundError) onGone();
      else if (error instanceof ValidationError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else if (!(error instanceof UnauthorizedError)) setFormError(errorMessage(error));
    }
  }

  async function reloadLatest() {
    try {
      const data = await latest(todo.id);
      setTodo(data);
      setDraft(draftFromTodo(data));
      setConflict(false);
    } catch (error) {
      if (error instanceof NotFoundError) onGone();
      else setFormError(errorMessage(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <p>This todo was changed elsewhere — reload to get the latest version, then make your change again, or keep yours.</p>
          <button type="button" className="btn btn-sm" onClick={reloadLatest}>
            Reload
          </button>{' '}
          <button type="button" className="btn btn-sm" onClick={(e) => void onSubmit(e, null)}>
            Keep mine
          </button>
        </div>
      ) : null}
      <FormAlert message={formError} />
      <TodoFields draft={draft} onChange={setDraft} errors={errors} categories={categories} withTitle />
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || conflict}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
