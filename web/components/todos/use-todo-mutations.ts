'use client';

import { onlineManager, useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browserApi } from '@/lib/browser-api';
import { ValidationError } from '@/lib/errors';
import {
  newIdempotencyKey, TEMP_PREFIX, type ClearCompletedWrite, type CompleteManyWrite, type CreateWrite, type DeleteWrite, type MoveWrite,
  type ToggleWrite, type UpdateWrite,
} from '@/lib/todo-writes';
import { matchesStatus, moveTarget, type Filters } from '@/lib/todos-state';
import type { Todo, TodoCreate, TodoPatch } from '@/lib/types';
import type { FieldErrors } from '@/lib/validation';
import { writeKey, type Conflict, type TodoStore } from './todo-store';
import { UNDO_MS, type Notify } from './use-toasts';
import type { TodoList } from './use-todo-list';

export type CreateResult = { ok: true } | { ok: false; fieldErrors?: FieldErrors };

type Feedback = { notify: Notify; fail: (error: unknown) => void; announce: (message: string) => void };

/**
 * Every write to the todos, as TanStack Query mutations (their work is in the store's mutation
 * defaults, so a write restored after a reload runs the same code). Each is shown at once through
 * the list's pending overlay, queued while offline, and sent with an Idempotency-Key.
 */
export function useTodoMutations(store: TodoStore, list: TodoList, filters: Filters, { notify, fail, announce }: Feedback) {
  const { items, hide, unhide } = list;
  const createM = useMutation<Todo, Error, CreateWrite>({ mutationKey: writeKey('create') });
  const toggleM = useMutation<Todo, Error, ToggleWrite>({ mutationKey: writeKey('toggle') });
  const updateM = useMutation<Todo, Error, UpdateWrite>({ mutationKey: writeKey('update') });
  const moveM = useMutation<Todo, Error, MoveWrite>({ mutationKey: writeKey('move') });
  const deleteM = useMutation<string, Error, DeleteWrite>({ mutationKey: writeKey('delete') });
  const completeManyM = useMutation<{ affected: number }, Error, CompleteManyWrite>({ mutationKey: writeKey('completeMany') });
  const clearM = useMutation<{ deleted: number }, Error, ClearCompletedWrite>({ mutationKey: writeKey('clearCompleted') });

  useEffect(() => store.onFailure(({ error }) => fail(error)), [store, fail]);

  /** Fire and forget: errors reach the person through the store (a toast, the conflict prompt). */
  const detached = <T,>(promise: Promise<T>) => void promise.catch(() => undefined);

  async function create(body: TodoCreate): Promise<CreateResult> {
    const vars: CreateWrite = { key: newIdempotencyKey(), tempId: `${TEMP_PREFIX}${crypto.randomUUID()}`, body, createdAt: new Date().toISOString() };
    try {
      await createM.mutateAsync(vars);
      return { ok: true };
    } catch (error) {
      if (error instanceof ValidationError && Object.keys(error.fieldErrors).length) return { ok: false, fieldErrors: error.fieldErrors };
      return { ok: false };
    }
  }

  function toggle(todo: Todo) {
    const completed = !todo.completed;
    const run = () => detached(toggleM.mutateAsync({ key: newIdempotencyKey(), id: todo.id, completed, detached: true }));
    run();
    if (!matchesStatus({ ...todo, completed }, filters.status)) {
      // it no longer belongs to this view (e.g. done under "Active"): it leaves it, with undo
      notify(`“${todo.title}” marked as ${completed ? 'done' : 'not done'}.`, {
        action: { label: 'Undo', run: () => detached(toggleM.mutateAsync({ key: newIdempotencyKey(), id: todo.id, completed: !completed, detached: true })) },
      });
    }
  }

  function completeShown() {
    const ids = items.filter((t) => !t.completed).map((t) => t.id);
    if (!ids.length) return;
    completeManyM
      .mutateAsync({ key: newIdempotencyKey(), ids, detached: true })
      .then(({ affected }) => notify(`Marked ${affected} todo${affected === 1 ? '' : 's'} as done.`))
      .catch(() => undefined);
  }

  function clearCompleted() {
    clearM
      .mutateAsync({ key: newIdempotencyKey(), detached: true })
      .then(({ deleted }) => notify(`Cleared ${deleted} completed todo${deleted === 1 ? '' : 's'}.`))
      .catch(() => undefined);
  }

  /** Deletes waiting out their undo window; leaving the page sends them at once. */
  const [waiting] = useState(() => new Map<string, ReturnType<typeof setTimeout>>());
  function sendDelete(id: string) {
    clearTimeout(waiting.get(id));
    waiting.delete(id);
    detached(deleteM.mutateAsync({ key: newIdempotencyKey(), id, detached: true }));
  }
  useEffect(() => {
    const sendAll = () => [...waiting.keys()].forEach(sendDelete);
    const off = store.onLeave(sendAll);
    return () => {
      off();
      sendAll();
    };
    // sendDelete only reads stable things (the map, the mutation's mutateAsync)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, waiting]);

  /** Hidden at once, deleted after the undo window. */
  function remove(todo: Todo) {
    if (waiting.has(todo.id)) return;
    hide(todo.id);
    waiting.set(
      todo.id,
      setTimeout(() => sendDelete(todo.id), UNDO_MS),
    );
    notify(`Deleted “${todo.title}”.`, {
      action: {
        label: 'Undo',
        run: () => {
          clearTimeout(waiting.get(todo.id));
          waiting.delete(todo.id);
          unhide(todo.id);
        },
      },
    });
  }

  /** Drag and drop, or the up/down buttons. */
  function move(from: number, to: number) {
    const target = moveTarget(items, from, to);
    const moving = items[from];
    if (!target || !moving) return;
    announce(`Moved “${moving.title}” to position ${to + 1} of ${items.length}.`);
    detached(moveM.mutateAsync({ key: newIdempotencyKey(), id: moving.id, target, detached: true }));
  }

  /**
   * The edit dialog's save. Online, the dialog waits for the answer and shows its errors (conflict,
   * gone, invalid); offline, the edit is queued and the dialog closes: a conflict found when it is
   * sent comes back as a prompt.
   */
  async function update(todo: Todo, patch: TodoPatch, version: number | null = todo.version): Promise<Todo> {
    const vars: UpdateWrite = { key: newIdempotencyKey(), id: todo.id, patch, version, title: todo.title };
    if (!onlineManager.isOnline()) {
      detached(updateM.mutateAsync({ ...vars, detached: true }));
      return { ...todo, ...patch } as Todo;
    }
    return updateM.mutateAsync(vars);
  }

  async function latest(id: string): Promise<Todo> {
    return (await browserApi().getTodo(store.ids.real(id))).data;
  }

  /** The conflict prompt's choices: send mine over theirs, or drop mine. */
  function keepMine(conflict: Conflict) {
    store.resolveConflict(conflict.id);
    detached(updateM.mutateAsync({ key: newIdempotencyKey(), id: conflict.id, patch: conflict.patch, version: null, title: conflict.title, detached: true }));
  }
  function takeTheirs(conflict: Conflict) {
    store.resolveConflict(conflict.id);
  }

  return { create, toggle, completeShown, clearCompleted, remove, move, update, latest, keepMine, takeTheirs };
}

export type TodoMutations = ReturnType<typeof useTodoMutations>;
