'use client';

import { useEffect, useState } from 'react';
import { browserApi } from '@/lib/browser-api';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { matchesStatus, moveItem, moveTarget, removeItem, replaceItem, restoreItem, toggled, type Filters } from '@/lib/todos-state';
import type { Todo, TodoCreate, TodoPatch } from '@/lib/types';
import type { FieldErrors } from '@/lib/validation';
import { UNDO_MS, type Notify } from './use-toasts';
import type { TodoList } from './use-todo-list';

export type CreateResult = { ok: true } | { ok: false; fieldErrors?: FieldErrors };

type Feedback = { notify: Notify; fail: (error: unknown) => void; announce: (message: string) => void };

/**
 * Every write to the todos, each shown at once (optimistically) and undone when the API refuses it
 * (the data layer moves to TanStack Query in issue 13; this hook and useTodoList are what changes).
 */
export function useTodoMutations(list: TodoList, filters: Filters, { notify, fail, announce }: Feedback) {
  const api = browserApi();
  const { items, setItems, reload, refreshMeta, changed, hidden } = list;

  /** A pending delete: its timer, so undo or leaving the page can settle it. */
  const pendingDeletes = usePendingDeletes(hidden);

  async function create(body: TodoCreate): Promise<CreateResult> {
    const now = new Date().toISOString();
    const temp: Todo = {
      id: `temp-${Date.now()}`, title: body.title, description: body.description ?? null, completed: false, completedAt: null,
      priority: body.priority ?? 'none', category: body.category ?? null, tags: body.tags ?? [], dueAt: body.dueAt ?? null,
      remindAt: body.remindAt ?? null, recurrence: body.recurrence ?? null, nextOccurrence: null, position: 0, createdAt: now, updatedAt: now, version: 0,
    };
    // new todos go to the end of the manual order
    const atEnd = (filters.sort === 'position' || filters.sort === 'createdAt') && filters.order === 'asc';
    setItems(atEnd ? [...items, temp] : [temp, ...items]);
    changed();
    try {
      await api.createTodo(body);
      reload();
      return { ok: true };
    } catch (error) {
      setItems((list) => list.filter((t) => t.id !== temp.id));
      if (error instanceof ValidationError && Object.keys(error.fieldErrors).length) return { ok: false, fieldErrors: error.fieldErrors };
      fail(error);
      return { ok: false };
    }
  }

  async function toggle(todo: Todo) {
    changed();
    setItems((list) => replaceItem(list, toggled(todo)));
    try {
      const saved = await api.toggleTodo(todo.id);
      if (matchesStatus(saved, filters.status)) {
        setItems((list) => replaceItem(list, saved));
      } else {
        // it no longer belongs to this view (e.g. done under "Active"): take it out, with undo
        setItems((list) => list.filter((t) => t.id !== saved.id));
        notify(`“${saved.title}” marked as ${saved.completed ? 'done' : 'not done'}.`, {
          action: { label: 'Undo', run: () => void api.toggleTodo(saved.id).then(reload, fail) },
        });
      }
      refreshMeta();
    } catch (error) {
      setItems((list) => replaceItem(list, todo));
      if (error instanceof NotFoundError) reload();
      fail(error);
    }
  }

  async function completeShown() {
    const ids = items.filter((t) => !t.completed).map((t) => t.id);
    if (!ids.length) return;
    const before = items;
    setItems((list) => list.map((t) => (t.completed ? t : toggled(t))));
    changed();
    try {
      const { affected } = await api.bulk('complete', ids);
      notify(`Marked ${affected} todo${affected === 1 ? '' : 's'} as done.`);
      reload();
    } catch (error) {
      setItems(before);
      fail(error);
    }
  }

  async function clearCompleted() {
    try {
      const { deleted } = await api.clearCompleted();
      notify(`Cleared ${deleted} completed todo${deleted === 1 ? '' : 's'}.`);
      reload();
    } catch (error) {
      fail(error);
    }
  }

  /** Hidden at once, deleted after the undo window. */
  function remove(todo: Todo) {
    const { items: rest, removed } = removeItem(items, todo.id);
    if (!removed) return;
    changed();
    setItems(rest);
    const timer = setTimeout(async () => {
      pendingDeletes.delete(todo.id);
      try {
        await api.deleteTodo(todo.id);
        refreshMeta();
      } catch (error) {
        if (error instanceof NotFoundError) return;
        setItems((list) => restoreItem(list, removed.todo, removed.index));
        fail(error);
      }
    }, UNDO_MS);
    pendingDeletes.set(todo.id, timer);
    notify(`Deleted “${todo.title}”.`, {
      action: {
        label: 'Undo',
        run: () => {
          clearTimeout(timer);
          pendingDeletes.delete(todo.id);
          setItems((list) => restoreItem(list, removed.todo, removed.index));
        },
      },
    });
  }

  /** Drag and drop, or the up/down buttons. */
  async function move(from: number, to: number) {
    const target = moveTarget(items, from, to);
    const moving = items[from];
    if (!target || !moving) return;
    const before = items;
    setItems(moveItem(items, from, to));
    changed();
    announce(`Moved “${moving.title}” to position ${to + 1} of ${items.length}.`);
    try {
      const saved = await api.moveTodo(moving.id, target);
      setItems((list) => replaceItem(list, saved));
    } catch (error) {
      setItems(before);
      fail(error);
    }
  }

  /** The edit dialog's save; its errors (conflict, gone, invalid) are the dialog's to show. */
  async function update(todo: Todo, patch: TodoPatch): Promise<Todo> {
    const { data } = await api.updateTodo(todo.id, patch, todo.version);
    setItems((list) => replaceItem(list, data));
    refreshMeta();
    return data;
  }

  async function latest(id: string): Promise<Todo> {
    return (await api.getTodo(id)).data;
  }

  return { create, toggle, completeShown, clearCompleted, remove, move, update, latest };
}

export type TodoMutations = ReturnType<typeof useTodoMutations>;

/** Deletes waiting out their undo window, hidden from list answers; leaving the page sends them. */
function usePendingDeletes(hidden: TodoList['hidden']) {
  const [timers] = useState(() => new Map<string, ReturnType<typeof setTimeout>>());
  useEffect(() => {
    const pending = timers;
    return () => {
      for (const [id, timer] of pending) {
        clearTimeout(timer);
        browserApi().deleteTodo(id).catch(() => undefined);
      }
      pending.clear();
    };
  }, [timers]);
  return {
    set(id: string, timer: ReturnType<typeof setTimeout>) {
      timers.set(id, timer);
      hidden.current.add(id);
    },
    delete(id: string) {
      timers.delete(id);
      hidden.current.delete(id);
    },
  };
}
