'use client';

import { keepPreviousData, useMutationState, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { browserApi } from '@/lib/browser-api';
import { errorMessage, UnauthorizedError } from '@/lib/errors';
import { applyPending, type PendingWrite, type WriteKind } from '@/lib/todo-writes';
import { filtersToParams, filtersToQuery, type Filters } from '@/lib/todos-state';
import type { Todo } from '@/lib/types';
import type { FiltersChange } from './todo-filters';
import { todoKeys, type TodoStore } from './todo-store';

export type Counts = { active: number; completed: number };

/**
 * Every read of the todo list (TanStack Query, keyed by the filters): the page for the filters, the
 * counts and the categories. `items` is the list as shown: the service's answer with the writes not
 * yet answered laid over it, so a write shows at once and a refused one simply drops out.
 */
export function useTodoList(store: TodoStore, filters: Filters, setFilters: FiltersChange) {
  const api = browserApi();
  const params = filtersToParams(filters).toString();

  const list = useQuery({
    queryKey: todoKeys.list(params),
    queryFn: () => api.listTodos(filtersToQuery(filters)),
    placeholderData: keepPreviousData,
  });
  const counts = useQuery({
    queryKey: todoKeys.counts,
    queryFn: async (): Promise<Counts> => {
      const [active, completed] = await Promise.all([api.listTodos({ status: 'active', size: 1 }), api.listTodos({ status: 'completed', size: 1 })]);
      return { active: active.totalItems, completed: completed.totalItems };
    },
  });
  const categories = useQuery({ queryKey: todoKeys.categories, queryFn: () => api.categories() });

  const pending = useMutationState<PendingWrite>({
    filters: { mutationKey: ['todos', 'write'], status: 'pending' },
    select: (mutation) => ({ kind: mutation.options.mutationKey?.[2] as WriteKind, vars: mutation.state.variables }) as PendingWrite,
  });

  // todos waiting out their undo window stay hidden
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const hide = useCallback((id: string) => setHidden((set) => new Set(set).add(id)), []);
  const unhide = useCallback(
    (id: string) =>
      setHidden((set) => {
        const next = new Set(set);
        next.delete(id);
        return next;
      }),
    [],
  );

  const page = list.data ?? null;
  const newAtEnd = (filters.sort === 'position' || filters.sort === 'createdAt') && filters.order === 'asc';
  const items = useMemo(
    () =>
      applyPending(page?.items ?? [], pending, { status: filters.status, newAtEnd, realId: (id) => store.ids.real(id) }).filter(
        (t) => !hidden.has(t.id),
      ),
    [page, pending, filters.status, newAtEnd, store, hidden],
  );

  /** One todo read on its own, as the list would show it: the pending writes over it; null once deleted (also while the undo waits). */
  const asShown = useCallback(
    (todo: Todo): Todo | null => {
      if (hidden.has(todo.id)) return null;
      const writes = pending.filter((write) => write.kind !== 'create');
      return applyPending([todo], writes, { status: 'all', newAtEnd: true, realId: (id) => store.ids.real(id) })[0] ?? null;
    },
    [pending, store, hidden],
  );
  const isHidden = useCallback((id: string) => hidden.has(id), [hidden]);

  useEffect(() => {
    if (page && page.page > 0 && page.items.length === 0 && page.totalPages > 0) {
      // the page emptied (deletes elsewhere): show the last one that exists
      setFilters((current) => ({ ...current, page: page.totalPages - 1 }));
    }
  }, [page, setFilters]);

  // a list already shown stays (with the pending writes over it) when a later fetch fails, e.g. offline
  const failed = list.error && !(list.error instanceof UnauthorizedError) && !list.isFetching && !list.data;
  const loadError = failed ? errorMessage(list.error) : null;
  const loading = !page || list.isPlaceholderData || (list.isFetching && list.isError);
  const reload = useCallback(() => void list.refetch(), [list]);

  return {
    items,
    page,
    loading,
    loadError,
    counts: counts.data ?? null,
    categories: categories.data ?? [],
    reload,
    hide,
    unhide,
    asShown,
    isHidden,
  };
}

export type TodoList = ReturnType<typeof useTodoList>;
