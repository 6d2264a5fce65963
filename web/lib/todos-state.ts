/** Pure state logic of the todos screen: filters <-> query, optimistic list edits, reorder targets. */
import type { SortField, Todo, TodoQuery } from './types';
import { PRIORITIES, type Priority } from './validation';

export type StatusFilter = 'all' | 'active' | 'completed';
export type DueFilter = 'any' | 'overdue' | 'today' | 'week';

export type Filters = {
  status: StatusFilter;
  priorities: Priority[];
  category: string;
  tag: string;
  due: DueFilter;
  q: string;
  sort: SortField;
  order: 'asc' | 'desc';
  page: number;
};

export const PAGE_SIZE = 20;

export const DEFAULT_FILTERS: Filters = {
  status: 'all',
  priorities: [],
  category: '',
  tag: '',
  due: 'any',
  q: '',
  sort: 'position',
  order: 'asc',
  page: 0,
};

const SORTS: SortField[] = ['position', 'createdAt', 'updatedAt', 'dueAt', 'priority', 'title'];

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

export function dueRange(due: DueFilter, now: Date): { dueBefore?: string; dueAfter?: string } {
  switch (due) {
    case 'overdue':
      return { dueBefore: now.toISOString() };
    case 'today':
      return { dueAfter: startOfDay(now).toISOString(), dueBefore: addDays(startOfDay(now), 1).toISOString() };
    case 'week':
      return { dueAfter: startOfDay(now).toISOString(), dueBefore: addDays(startOfDay(now), 7).toISOString() };
    default:
      return {};
  }
}

export function filtersToQuery(filters: Filters, now: Date = new Date(), size = PAGE_SIZE): TodoQuery {
  return {
    status: filters.due === 'overdue' && filters.status === 'all' ? 'active' : filters.status,
    priority: filters.priorities,
    category: filters.category || undefined,
    tag: filters.tag || undefined,
    q: filters.q.trim() || undefined,
    ...dueRange(filters.due, now),
    sort: filters.sort,
    order: filters.order,
    page: filters.page,
    size,
  };
}

export function filtersFromParams(params: URLSearchParams): Filters {
  const status = params.get('status');
  const due = params.get('due');
  const sort = params.get('sort');
  const page = Number.parseInt(params.get('page') ?? '', 10);
  return {
    status: status === 'active' || status === 'completed' ? status : 'all',
    priorities: params.getAll('priority').filter((p): p is Priority => (PRIORITIES as readonly string[]).includes(p)),
    category: params.get('category') ?? '',
    tag: params.get('tag') ?? '',
    due: due === 'overdue' || due === 'today' || due === 'week' ? due : 'any',
    q: params.get('q') ?? '',
    sort: SORTS.includes(sort as SortField) ? (sort as SortField) : 'position',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isFinite(page) && page > 0 ? page : 0,
  };
}

export function filtersToParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status !== 'all') params.set('status', filters.status);
  for (const p of filters.priorities) params.append('priority', p);
  if (filters.category) params.set('category', filters.category);
  if (filters.tag) params.set('tag', filters.tag);
  if (filters.due !== 'any') params.set('due', filters.due);
  if (filters.q) params.set('q', filters.q);
  if (filters.sort !== 'position') params.set('sort', filters.sort);
  if (filters.order !== 'asc') params.set('order', filters.order);
  if (filters.page > 0) params.set('page', String(filters.page));
  return params;
}

export function isFiltered(filters: Filters): boolean {
  return (
    filters.status !== 'all' || filters.priorities.length > 0 || !!filters.category || !!filters.tag ||
    filters.due !== 'any' || !!filters.q.trim()
  );
}

/** Manual order only means something when the list is shown in that order. */
export function canReorder(filters: Filters): boolean {
  return filters.sort === 'position' && filters.order === 'asc';
}

export function replaceItem(items: Todo[], todo: Todo): Todo[] {
  return items.map((t) => (t.id === todo.id ? todo : t));
}

export function patchItem(items: Todo[], id: string, patch: Partial<Todo>): Todo[] {
  return items.map((t) => (t.id === id ? { ...t, ...patch } : t));
}

export function removeItem(items: Todo[], id: string): { items: Todo[]; removed: { todo: Todo; index: number } | null } {
  const index = items.findIndex((t) => t.id === id);
  if (index < 0) return { items, removed: null };
  return { items: items.filter((t) => t.id !== id), removed: { todo: items[index] as Todo, index } };
}

export function restoreItem(items: Todo[], todo: Todo, index: number): Todo[] {
  if (items.some((t) => t.id === todo.id)) return items;
  const copy = items.slice();
  copy.splice(Math.min(Math.max(index, 0), copy.length), 0, todo);
  return copy;
}

export function moveItem<T>(items: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const copy = items.slice();
  const [moved] = copy.splice(from, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

/** The move endpoint's body for taking the item at `from` to index `to` of the shown list. */
export function moveTarget(items: Todo[], from: number, to: number): { beforeId: string } | { afterId: string } | null {
  if (from === to || to < 0 || to >= items.length || from < 0 || from >= items.length) return null;
  const neighbour = items[to] as Todo;
  return to < from ? { beforeId: neighbour.id } : { afterId: neighbour.id };
}

export function toggled(todo: Todo, now: Date = new Date()): Todo {
  const completed = !todo.completed;
  return { ...todo, completed, completedAt: completed ? now.toISOString() : null };
}

/** Whether an item still belongs in the list after a change (e.g. completed under "active"). */
export function matchesStatus(todo: Todo, status: StatusFilter): boolean {
  return status === 'all' || (status === 'active' ? !todo.completed : todo.completed);
}

export function isOverdue(todo: Todo, now: Date = new Date()): boolean {
  return !todo.completed && !!todo.dueAt && new Date(todo.dueAt).getTime() < now.getTime();
}

/** `<input type="date">` value -> end of that local day as an ISO timestamp, or null. */
export function dateInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 0).toISOString();
}

export function isoToDateInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function formatDue(iso: string, now: Date = new Date()): string {
  const d = new Date(iso);
  const days = Math.round((startOfDay(d).getTime() - startOfDay(now).getTime()) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Tomorrow';
  if (days === -1) return 'Yesterday';
  return d.toLocaleDateString(undefined, { month: 'short', day: 'numeric', year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric' });
}
