import { describe, expect, it } from 'vitest';
import { NetworkError, toApiError } from './errors';
import { applyPending, newIdempotencyKey, retryDelay, shouldRetryWrite, type PendingWrite } from './todo-writes';
import type { Todo } from './types';

function todo(id: string, extra: Partial<Todo> = {}): Todo {
  return {
    id, title: id, description: null, completed: false, completedAt: null, priority: 'none', category: null, tags: [],
    dueAt: null, remindAt: null, recurrence: null, nextOccurrence: null, position: 0, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1,
    ...extra,
  };
}

const list = [todo('a'), todo('b'), todo('c', { completed: true })];
const view = { status: 'all' as const, newAtEnd: true, realId: (id: string) => id };
const ids = (items: Todo[]) => items.map((t) => t.id);
const create = (tempId: string, title: string): PendingWrite => ({
  kind: 'create',
  vars: { key: 'k', tempId, body: { title }, createdAt: '2026-01-02T00:00:00Z' },
});

describe('the list with the pending writes laid over it', () => {
  it('shows a todo being created at the end of the manual order, or first', () => {
    expect(ids(applyPending(list, [create('temp-1', 'New')], view))).toEqual(['a', 'b', 'c', 'temp-1']);
    expect(ids(applyPending(list, [create('temp-1', 'New')], { ...view, newAtEnd: false }))[0]).toBe('temp-1');
  });

  it('shows a created todo once when the answer already has it under its real id', () => {
    const shown = applyPending([...list, todo('real-9')], [create('temp-1', 'New')], { ...view, realId: (id) => (id === 'temp-1' ? 'real-9' : id) });
    expect(ids(shown)).toEqual(['a', 'b', 'c', 'real-9']);
  });

  it('applies writes on a todo still being created to it', () => {
    const shown = applyPending(list, [
      create('temp-1', 'New'),
      { kind: 'toggle', vars: { key: 'k2', id: 'temp-1', completed: true } },
      { kind: 'update', vars: { key: 'k3', id: 'temp-1', patch: { title: 'Renamed' }, version: 0, title: 'New' } },
    ], view);
    expect(shown.at(-1)).toMatchObject({ id: 'temp-1', title: 'Renamed', completed: true });
  });

  it('takes out what no longer belongs to the view', () => {
    const active = applyPending(list, [{ kind: 'toggle', vars: { key: 'k', id: 'a', completed: true } }], { ...view, status: 'active' });
    expect(ids(active)).toEqual(['b']);
  });

  it('moves before or after a neighbour as the service will', () => {
    expect(ids(applyPending(list, [{ kind: 'move', vars: { key: 'k', id: 'c', target: { beforeId: 'a' } } }], view))).toEqual(['c', 'a', 'b']);
    expect(ids(applyPending(list, [{ kind: 'move', vars: { key: 'k', id: 'a', target: { afterId: 'b' } } }], view))).toEqual(['b', 'a', 'c']);
    expect(ids(applyPending(list, [{ kind: 'move', vars: { key: 'k', id: 'a', target: { afterId: 'gone' } } }], view))).toEqual(['a', 'b', 'c']);
  });

  it('deletes, completes many and clears completed', () => {
    expect(ids(applyPending(list, [{ kind: 'delete', vars: { key: 'k', id: 'b' } }], view))).toEqual(['a', 'c']);
    const done = applyPending(list, [{ kind: 'completeMany', vars: { key: 'k', ids: ['a', 'b'] } }], view);
    expect(done.every((t) => t.completed)).toBe(true);
    expect(ids(applyPending(done, [{ kind: 'clearCompleted', vars: { key: 'k' } }], view))).toEqual([]);
  });

  it('is the answer itself when nothing is pending (a refused write simply drops out)', () => {
    expect(applyPending(list, [], view)).toEqual(list);
  });
});

describe('retrying a write', () => {
  const unavailable = (retryAfter?: string) =>
    toApiError(503, { code: 'service_unavailable' }, new Headers(retryAfter ? { 'Retry-After': retryAfter } : {}));

  it('retries network errors, 503 and a request still in progress, never an answer about the request', () => {
    expect(shouldRetryWrite(1, new NetworkError(new TypeError('offline')))).toBe(true);
    expect(shouldRetryWrite(1, unavailable())).toBe(true);
    expect(shouldRetryWrite(1, toApiError(409, { code: 'request_in_progress' }))).toBe(true);
    expect(shouldRetryWrite(1, toApiError(422, { code: 'idempotency_key_reused' }))).toBe(false);
    expect(shouldRetryWrite(1, toApiError(412, { code: 'version_conflict' }))).toBe(false);
    expect(shouldRetryWrite(1, toApiError(500, { code: 'internal_error' }))).toBe(false);
    expect(shouldRetryWrite(8, unavailable())).toBe(false);
  });

  it('backs off exponentially with jitter, capped', () => {
    expect(retryDelay(1, unavailable(), () => 0)).toBe(250);
    expect(retryDelay(1, unavailable(), () => 1)).toBe(500);
    expect(retryDelay(4, unavailable(), () => 1)).toBe(4000);
    expect(retryDelay(20, unavailable(), () => 1)).toBe(30_000);
  });

  it('waits at least what Retry-After says', () => {
    expect(retryDelay(1, unavailable('7'), () => 0)).toBe(7000);
    expect(retryDelay(1, toApiError(409, { code: 'request_in_progress' }, new Headers({ 'Retry-After': '2' })), () => 0)).toBe(2000);
  });

  it('gives every write its own key', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    expect(newIdempotencyKey()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
