/**
 * Pure logic of the durable todo writes: what a queued write looks like, how the list is shown with
 * the writes not yet confirmed laid over it, and when and how soon a failed write is tried again.
 */
import { ApiError, NetworkError, RetryLaterError } from './errors';
import { matchesStatus, moveItem, type StatusFilter } from './todos-state';
import type { Todo, TodoCreate, TodoPatch } from './types';

/**
 * Every write carries the Idempotency-Key its retries (also after a reload) send again; `detached`
 * when nobody on the page waits for its answer (its errors then go to a toast or the conflict prompt).
 */
type Keyed = { key: string; detached?: boolean };

export type CreateWrite = Keyed & { tempId: string; body: TodoCreate; createdAt: string };
export type ToggleWrite = Keyed & { id: string; completed: boolean };
/** `version` null: overwrite whatever is there (the person chose "keep mine" after a conflict). */
export type UpdateWrite = Keyed & { id: string; patch: TodoPatch; version: number | null; title: string };
export type MoveWrite = Keyed & { id: string; target: { beforeId: string } | { afterId: string } };
export type DeleteWrite = Keyed & { id: string };
export type CompleteManyWrite = Keyed & { ids: string[] };
export type ClearCompletedWrite = Keyed;

export type WriteKind = 'create' | 'toggle' | 'update' | 'move' | 'delete' | 'completeMany' | 'clearCompleted';

export type PendingWrite =
  | { kind: 'create'; vars: CreateWrite }
  | { kind: 'toggle'; vars: ToggleWrite }
  | { kind: 'update'; vars: UpdateWrite }
  | { kind: 'move'; vars: MoveWrite }
  | { kind: 'delete'; vars: DeleteWrite }
  | { kind: 'completeMany'; vars: CompleteManyWrite }
  | { kind: 'clearCompleted'; vars: ClearCompletedWrite };

export const TEMP_PREFIX = 'temp-';

export function isTempId(id: string): boolean {
  return id.startsWith(TEMP_PREFIX);
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function tempTodo(write: CreateWrite): Todo {
  const { body, tempId, createdAt } = write;
  return {
    id: tempId, title: body.title, description: body.description ?? null, completed: false, completedAt: null,
    priority: body.priority ?? 'none', category: body.category ?? null, tags: body.tags ?? [], dueAt: body.dueAt ?? null,
    remindAt: body.remindAt ?? null, recurrence: body.recurrence ?? null, nextOccurrence: null, position: 0, createdAt, updatedAt: createdAt, version: 0,
  };
}

type View = {
  status: StatusFilter;
  /** new todos go last (manual or oldest-first order) or first */
  newAtEnd: boolean;
  /** temp id -> id the service gave it, for creates that have been answered */
  realId: (id: string) => string;
};

/**
 * The list as the person expects it: the service's answer with every write still pending applied in
 * the order it was made. A write that fails drops out of the pending ones, which is its rollback.
 */
export function applyPending(items: Todo[], pending: PendingWrite[], view: View): Todo[] {
  let list = items;
  const same = (a: string, b: string) => a === b || view.realId(a) === b || a === view.realId(b);
  const indexOf = (id: string) => list.findIndex((t) => same(t.id, id));
  for (const write of pending) {
    switch (write.kind) {
      case 'create': {
        if (indexOf(write.vars.tempId) >= 0) break; // already in the answer under its real id
        const todo = tempTodo(write.vars);
        if (matchesStatus(todo, view.status)) list = view.newAtEnd ? [...list, todo] : [todo, ...list];
        break;
      }
      case 'toggle':
        list = list.map((t) =>
          same(t.id, write.vars.id) && t.completed !== write.vars.completed
            ? { ...t, completed: write.vars.completed, completedAt: write.vars.completed ? new Date().toISOString() : null }
            : t,
        );
        break;
      case 'update':
        list = list.map((t) => (same(t.id, write.vars.id) ? ({ ...t, ...write.vars.patch } as Todo) : t));
        break;
      case 'move': {
        const from = indexOf(write.vars.id);
        const target = write.vars.target;
        const neighbour = indexOf('beforeId' in target ? target.beforeId : target.afterId);
        if (from < 0 || neighbour < 0 || from === neighbour) break;
        let to = 'beforeId' in target ? neighbour : neighbour + 1;
        if (from < to) to -= 1;
        list = moveItem(list, from, to);
        break;
      }
      case 'delete':
        list = list.filter((t) => !same(t.id, write.vars.id));
        break;
      case 'completeMany':
        list = list.map((t) =>
          !t.completed && write.vars.ids.some((id) => same(t.id, id)) ? { ...t, completed: true, completedAt: new Date().toISOString() } : t,
        );
        break;
      case 'clearCompleted':
        list = list.filter((t) => !t.completed);
        break;
    }
  }
  // a todo that no longer belongs to this view (done under "Active") leaves it
  return list.filter((t) => matchesStatus(t, view.status));
}

const MAX_ATTEMPTS = 8;

/**
 * Whether a failed write is sent again (with the same key): when the network failed or timed out,
 * the service was unavailable, or the first request with this key is still running. Never for an
 * answer about the request itself (4xx): that one will not change.
 */
export function shouldRetryWrite(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_ATTEMPTS) return false;
  return error instanceof NetworkError || error instanceof RetryLaterError || (error instanceof ApiError && [502, 504].includes(error.status));
}

/**
 * Exponential backoff with full jitter (so that many clients do not come back at the same moment),
 * capped at 30 s; Retry-After, when the service sends it, is the least wait.
 */
export function retryDelay(failureCount: number, error: unknown, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, failureCount - 1));
  const jittered = Math.round(base / 2 + random() * (base / 2));
  const retryAfter = error instanceof RetryLaterError && error.retryAfter !== null ? error.retryAfter * 1000 : 0;
  return Math.max(jittered, retryAfter);
}
