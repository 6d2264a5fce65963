'use client';

import type { Todo } from '@/lib/types';
import { TodoItem } from './todo-item';
import type { FocusedTodo } from './use-focused-todo';

type Props = {
  focused: FocusedTodo;
  onDismiss: () => void;
  onToggle: (todo: Todo) => void;
  onEdit: (todo: Todo) => void;
  onDelete: (todo: Todo) => void;
};

/** A single row is never reordered, so its drag callbacks are never called. */
const ignore = () => undefined;

/** The todo a reminder email links to, above the list when the list shown does not hold it; or why it cannot be shown. */
export function TodoFocusPin({ focused, onDismiss, onToggle, onEdit, onDelete }: Props) {
  if (focused.show === 'nothing') return null;
  const dismiss = (
    <button type="button" className="btn btn-ghost btn-sm" onClick={onDismiss} aria-label="Dismiss the todo from your reminder">
      Dismiss
    </button>
  );

  if (focused.show === 'gone') {
    return (
      <div className="alert alert-info focus-notice" role="status">
        <p>That todo no longer exists.</p>
        {dismiss}
      </div>
    );
  }
  if (focused.show === 'failed') {
    return (
      <div className="alert alert-warning focus-notice" role="status">
        <p>The todo from your reminder could not be loaded. {focused.message}</p>
        <span className="focus-notice-actions">
          <button type="button" className="btn btn-sm" onClick={focused.retry}>
            Try again
          </button>
          {dismiss}
        </span>
      </div>
    );
  }

  return (
    <section className="focus-pin" aria-labelledby="focus-pin-title">
      <div className="focus-pin-head">
        <h2 id="focus-pin-title">From your reminder</h2>
        {dismiss}
      </div>
      <ul className="todo-list" aria-labelledby="focus-pin-title">
        <TodoItem
          todo={focused.todo}
          index={0}
          count={1}
          focused
          reorderable={false}
          dragging={false}
          dropTarget={false}
          onToggle={onToggle}
          onEdit={onEdit}
          onDelete={onDelete}
          onMove={ignore}
          onDragStart={ignore}
          onDragOver={ignore}
          onDrop={ignore}
          onDragEnd={ignore}
        />
      </ul>
    </section>
  );
}
