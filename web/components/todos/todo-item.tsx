'use client';

import { useEffect, useRef, type DragEvent, type PointerEvent } from 'react';
import { describeRecurrence } from '@/lib/reminders';
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
  /** opened from a reminder email's link (/todos?focus=<id>): scrolled to and highlighted */
  focused?: boolean;
};

export function TodoItem(props: Props) {
  const { todo, index, count, reorderable, focused } = props;
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focused) row.current?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }, [focused]);
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
  // Touch and pen: HTML drag and drop does not fire for fingers on most phones, so the grip drags
  // with pointer events; the row under the finger is the drop target. A mouse uses the native drag.
  const touchDrag = reorderable
    ? {
        onPointerDown: (e: PointerEvent<HTMLSpanElement>) => {
          if (e.pointerType === 'mouse') return;
          e.preventDefault();
          e.currentTarget.setPointerCapture?.(e.pointerId);
          props.onDragStart(index);
        },
        onPointerMove: (e: PointerEvent<HTMLSpanElement>) => {
          if (e.pointerType === 'mouse' || !props.dragging) return;
          const over = rowIndexAt(e.clientX, e.clientY);
          if (over !== null) props.onDragOver(over);
        },
        onPointerUp: (e: PointerEvent<HTMLSpanElement>) => {
          if (e.pointerType === 'mouse' || !props.dragging) return;
          const over = rowIndexAt(e.clientX, e.clientY);
          if (over !== null) props.onDrop(over);
          else props.onDragEnd();
        },
        onPointerCancel: props.onDragEnd,
      }
    : {};

  return (
    <li
      ref={row}
      className={focused ? 'todo-item todo-focused' : 'todo-item'}
      data-focused={focused || undefined}
      data-testid="todo-item"
      data-index={index}
      data-completed={todo.completed}
      data-dragging={props.dragging || undefined}
      data-drop={props.dropTarget || undefined}
      {...drag}
    >
      {reorderable ? (
        <span className="grip" aria-hidden="true" title="Drag to reorder" data-testid="drag-handle" {...touchDrag}>
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
        {todo.priority !== 'none' || todo.category || todo.tags.length || todo.dueAt || todo.remindAt || todo.recurrence ? (
          <div className="todo-meta">
            {todo.priority !== 'none' ? <span className={`chip chip-${todo.priority}`}>{todo.priority[0]?.toUpperCase() + todo.priority.slice(1)} priority</span> : null}
            {todo.dueAt ? (
              <span className={`chip ${overdue ? 'chip-overdue' : ''}`}>
                {overdue ? 'Overdue · ' : 'Due '}
                <time dateTime={todo.dueAt}>{formatDue(todo.dueAt)}</time>
              </span>
            ) : null}
            {todo.remindAt && !todo.completed ? (
              <span className="chip" title={`Reminder email ${new Date(todo.remindAt).toLocaleString()}`} data-testid="reminder-icon">
                <span aria-hidden="true">🔔 </span>
                <span className="sr-only">Reminder: </span>
                <time dateTime={todo.remindAt}>{new Date(todo.remindAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}</time>
              </span>
            ) : null}
            {todo.recurrence ? (
              <span className="chip" data-testid="recurrence-icon">
                <span aria-hidden="true">🔁 </span>
                {describeRecurrence(todo.recurrence)}
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

/** The index of the todo row under a point of the screen, if any. */
function rowIndexAt(x: number, y: number): number | null {
  const row = document.elementFromPoint(x, y)?.closest<HTMLElement>('.todo-item[data-index]');
  return row ? Number(row.dataset.index) : null;
}
