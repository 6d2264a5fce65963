'use client';

import { useState } from 'react';
import type { Todo } from '@/lib/types';
import { TodoItem } from './todo-item';

type Props = {
  items: Todo[];
  /** the id of the todo to scroll to and highlight */
  focus?: string | null;
  loading: boolean;
  reorderable: boolean;
  onToggle: (todo: Todo) => void;
  onEdit: (todo: Todo) => void;
  onDelete: (todo: Todo) => void;
  onMove: (from: number, to: number) => void;
};

/** The todos in order, reordered by dragging or by the up/down buttons. */
export function TodoListView({ items, loading, reorderable, onToggle, onEdit, onDelete, onMove, focus }: Props) {
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const endDrag = () => {
    setDragFrom(null);
    setDropAt(null);
  };

  return (
    <>
      {reorderable ? (
        <p className="hint" id="reorder-hint">
          Drag items to reorder them, or use the ↑ and ↓ buttons.
        </p>
      ) : null}
      <ul className="todo-list" aria-label="Todos" aria-busy={loading} aria-describedby={reorderable ? 'reorder-hint' : undefined}>
        {items.map((todo, index) => (
          <TodoItem
            key={todo.id}
            todo={todo}
            index={index}
            count={items.length}
            focused={focus === todo.id}
            reorderable={reorderable && !todo.id.startsWith('temp-')}
            dragging={dragFrom === index}
            dropTarget={dropAt === index && dragFrom !== null && dragFrom !== index}
            onToggle={onToggle}
            onEdit={onEdit}
            onDelete={onDelete}
            onMove={onMove}
            onDragStart={setDragFrom}
            onDragOver={setDropAt}
            onDrop={(to) => {
              if (dragFrom !== null) onMove(dragFrom, to);
              endDrag();
            }}
            onDragEnd={endDrag}
          />
        ))}
      </ul>
    </>
  );
}
