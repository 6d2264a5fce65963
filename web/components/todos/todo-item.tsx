'use client';

import type { DragEvent } from 'react';
import { formatDue, isOverdue } from '@/lib/todos-state';
import type { Todo } from '@/lib/types';

type Props = {
  todo: Todo;
  index: number;
  count: number;
  reorderable: boolean;
  dragging: boolean;
  dropTarget: boolean;
  onToggle: (todo: Todo) => void;
  onEdit: (todo: Todo) => void;
  onDelete: (todo: Todo) => void;
  onMove: (index: number, to: number) => void;
  onDragStart: (index: number) => void;
  onDragOver: (index: number) => void;
  onDrop: (index: number) => void;
  onDragEnd: () => void;
};

export function TodoItem(props: Props) {
  const { todo, index, count, reorderable } = props;
  const overdue = isOverdue(todo);
  const drag = reorderable
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', todo.id);
          props.onDragStart(index);
        },
        onDragOver: (e: DragEvent) => {
          e.preventDefault();
          props.onDragOver(index);
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          props.onDrop(index);
        },
        onDragEnd: props.onDragEnd,
      }
    : {};

  return (
    <li
      className="todo-item"
      data-testid="todo-item"
      data-completed={todo.completed}
      data-dragging={props.dragging || undefined}
      data-drop={props.dropTarget || undefined}
      {...drag}
    >
      {reorderable ? (
        <span className="grip" aria-hidden="true" title="Drag to reorder">
          ⋮⋮
        </span>
      ) : null}
      <input
        type="checkbox"
        className="checkbox"
        style={{ marginTop: '0.15rem' }}
        checked={todo.completed}
        onChange={() => props.onToggle(todo)}
        aria-label={`Mark “${todo.title}” as ${todo.completed ? 'not done' : 'done'}`}
      />
      <div className="todo-main">
        <div className="todo-title">{todo.title}</div>
        {todo.description ? <p className="todo-desc">{todo.description}</p> : null}
        {todo.priority !== 'none' || todo.category || todo.tags.length || todo.dueAt ? (
          <div className="todo-meta">
            {todo.priority !== 'none' ? <span className={`chip chip-${todo.priority}`}>{todo.priority[0]?.toUpperCase() + todo.priority.slice(1)} priority</span> : null}
            {todo.dueAt ? (
              <span className={`chip ${overdue ? 'chip-overdue' : ''}`}>
                {overdue ? 'Overdue · ' : 'Due '}
                <time dateTime={todo.dueAt}>{formatDue(todo.dueAt)}</time>
              </span>
            ) : null}
            {todo.category ? <span className="chip chip-category">
                <span className="sr-only">Category: </span>
                {todo.category}
              </span> : null}
            {todo.tags.map((tag) => (
              <span key={tag} className="chip">
                #{tag}
              </span>
            ))}
          </div>
        ) : null}
      </div>
      <div className="todo-actions">
        {reorderable ? (
          <>
            <button type="button" className="btn btn-ghost btn-sm btn-icon" onClick={() => props.onMove(index, index - 1)} disabled={index === 0} aria-label={`Move “${todo.title}” up`}>
              ↑
            </button>
            <button type="button" className="btn btn-ghost btn-sm btn-icon" onClick={() => props.onMove(index, index + 1)} disabled={index === count - 1} aria-label={`Move “${todo.title}” down`}>
              ↓
            </button>
          </>
        ) : null}
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => props.onEdit(todo)} aria-label={`Edit “${todo.title}”`}>
          Edit
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => props.onDelete(todo)} aria-label={`Delete “${todo.title}”`}>
          Delete
        </button>
      </div>
    </li>
  );
}
