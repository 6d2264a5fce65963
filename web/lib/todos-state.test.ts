import { describe, expect, it } from 'vitest';
import {
  canReorder, DEFAULT_FILTERS, dateInputToIso, dueRange, filtersFromParams, filtersToParams, filtersToQuery, isOverdue,
  isoToDateInput, moveItem, moveTarget, removeItem, replaceItem, restoreItem, toggled,
} from './todos-state';
import type { Todo } from './types';

function todo(id: string, extra: Partial<Todo> = {}): Todo {
  return {
    id, title: id, description: null, completed: false, completedAt: null, priority: 'none', category: null, tags: [],
    dueAt: null, remindAt: null, recurrence: null, nextOccurrence: null, position: 0, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1, ...extra,
  };
}

const list = [todo('a'), todo('b'), todo('c'), todo('d')];

describe('filters and the URL', () => {
  it('round-trips through search params', () => {
    const filters = { ...DEFAULT_FILTERS, status: 'active' as const, priorities: ['high' as const], category: 'Work', tag: 'x', due: 'week' as const, q: 'milk', sort: 'dueAt' as const, order: 'desc' as const, page: 2 };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });
  it('ignores unknown values', () => {
    expect(filtersFromParams(new URLSearchParams('status=bogus&priority=urgent&sort=nope&page=-3'))).toEqual(DEFAULT_FILTERS);
  });
  it('maps "overdue" to active todos due before now', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const query = filtersToQuery({ ...DEFAULT_FILTERS, due: 'overdue' }, now);
    expect(query.status).toBe('active');
    expect(query.dueBefore).toBe(now.toISOString());
  });
  it('gives "today" a one-day window', () => {
    const { dueAfter, dueBefore } = dueRange('today', new Date(2026, 2, 10, 15));
    expect(new Date(dueBefore!).getTime() - new Date(dueAfter!).getTime()).toBe(86_400_000);
  });
  it('allows manual reordering only in manual order', () => {
    expect(canReorder(DEFAULT_FILTERS)).toBe(true);
    expect(canReorder({ ...DEFAULT_FILTERS, sort: 'title' })).toBe(false);
  });
});

describe('optimistic list edits', () => {
  it('removes and restores an item at its place (undo)', () => {
    const { items, removed } = removeItem(list, 'c');
    expect(items.map((t) => t.id)).toEqual(['a', 'b', 'd']);
    expect(removed?.index).toBe(2);
    expect(restoreItem(items, removed!.todo, removed!.index).map((t) => t.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(restoreItem(list, list[0]!, 3)).toBe(list);
  });
  it('replaces an item by id and toggles completion', () => {
    const done = toggled(list[1]!, new Date('2026-01-02T00:00:00Z'));
    expect(done).toMatchObject({ completed: true, completedAt: '2026-01-02T00:00:00.000Z' });
    expect(replaceItem(list, done)[1]).toBe(done);
    expect(toggled(done).completedAt).toBeNull();
  });
});

describe('reordering', () => {
  it('moves an item in the shown list', () => {
    expect(moveItem(list, 0, 2).map((t) => t.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(list, 3, 0).map((t) => t.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 1, 9)).toBe(list);
  });
  it('asks the API to place it before the item above or after the item below', () => {
    expect(moveTarget(list, 2, 1)).toEqual({ beforeId: 'b' });
    expect(moveTarget(list, 1, 3)).toEqual({ afterId: 'd' });
    expect(moveTarget(list, 0, -1)).toBeNull();
    expect(moveTarget(list, 2, 2)).toBeNull();
  });
});

describe('due dates', () => {
  it('stores a date input as the end of that local day and reads it back', () => {
    const iso = dateInputToIso('2026-05-17')!;
    expect(isoToDateInput(iso)).toBe('2026-05-17');
    expect(dateInputToIso('')).toBeNull();
  });
  it('flags open todos past their due date', () => {
    const now = new Date('2026-05-17T12:00:00Z');
    expect(isOverdue(todo('x', { dueAt: '2026-05-16T00:00:00Z' }), now)).toBe(true);
    expect(isOverdue(todo('x', { dueAt: '2026-05-16T00:00:00Z', completed: true }), now)).toBe(false);
    expect(isOverdue(todo('x', { dueAt: '2026-05-18T00:00:00Z' }), now)).toBe(false);
  });
});
