'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { browserApi } from '@/lib/browser-api';
import { errorMessage, UnauthorizedError } from '@/lib/errors';
import { filtersToParams, filtersToQuery, type Filters } from '@/lib/todos-state';
import type { Category, Todo, TodoPage } from '@/lib/types';
import type { FiltersChange } from './todo-filters';

type Loaded = { key: string; page: TodoPage } | { key: string; error: string };
export type Counts = { active: number; completed: number };

/**
 * Every read of the todo list: the page for the filters, the counts and the categories (the data
 * layer moves to TanStack Query in issue 13; this hook and useTodoMutations are what changes).
 * `items` is the list as shown, which the mutations change optimistically.
 */
export function useTodoList(filters: Filters, setFilters: FiltersChange) {
  const api = browserApi();
  const queryKey = filtersToParams(filters).toString();

  const [reloadTick, setReloadTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [items, setItems] = useState<Todo[]>([]);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  // bumped by every change; a list answer that started before a change is stale and is fetched again
  const changes = useRef(0);
  // todos waiting out their undo window stay hidden from list answers
  const hidden = useRef(new Set<string>());

  const loadKey = `${queryKey}#${reloadTick}`;
  const loading = loaded?.key !== loadKey;
  const page = loaded && 'page' in loaded ? loaded.page : null;
  const loadError = loaded && 'error' in loaded && !loading ? loaded.error : null;

  const metaSeq = useRef(0);
  const refreshMeta = useCallback(() => {
    const seq = ++metaSeq.current;
    Promise.all([
      api.listTodos({ status: 'active', size: 1 }),
      api.listTodos({ status: 'completed', size: 1 }),
      api.categories(),
    ])
      .then(([active, completed, cats]) => {
        if (seq !== metaSeq.current) return; // a newer answer is on its way
        setCounts({ active: active.totalItems, completed: completed.totalItems });
        setCategories(cats);
      })
      .catch(() => undefined);
  }, [api]);

  const reload = useCallback(() => setReloadTick((t) => t + 1), []);
  const changed = useCallback(() => {
    changes.current += 1;
  }, []);

  useEffect(() => {
    let live = true;
    const seen = changes.current;
    api
      .listTodos(filtersToQuery(filters))
      .then((result) => {
        if (!live) return;
        if (changes.current !== seen) {
          setReloadTick((t) => t + 1);
          return;
        }
        if (result.page > 0 && result.items.length === 0 && result.totalPages > 0) {
          // the page emptied (deletes elsewhere): show the last one that exists
          setFilters((current) => ({ ...current, page: result.totalPages - 1 }));
          return;
        }
        setItems(result.items.filter((t) => !hidden.current.has(t.id)));
        setLoaded({ key: loadKey, page: result });
      })
      .catch((error) => {
        if (!live || error instanceof UnauthorizedError) return;
        setLoaded({ key: loadKey, error: errorMessage(error) });
      });
    refreshMeta();
    return () => {
      live = false;
    };
    // loadKey captures filters and reloads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey]);

  return { items, setItems, page, loading, loadError, counts, categories, reload, refreshMeta, changed, hidden };
}

export type TodoList = ReturnType<typeof useTodoList>;
