'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { filtersFromParams, filtersToParams, type Filters } from '@/lib/todos-state';
import type { FiltersChange } from './todo-filters';

/**
 * The list's filters, which live in the URL. Changes build on the latest one asked for, not on the
 * last render, so two quick changes (clear a filter, then sort) never undo each other while the
 * URL catches up.
 */
export function useTodoFilters() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  // the todo a reminder email links to (/todos?focus=<id>): stays in the URL through filter changes until dismissed
  const [focus, setFocus] = useState(() => searchParams.get('focus'));

  const latest = useRef({ filters, focus });
  useEffect(() => {
    latest.current = { ...latest.current, filters };
  }, [filters]);

  const writeUrl = useCallback(
    (next: { filters: Filters; focus: string | null }) => {
      latest.current = next;
      const params = filtersToParams(next.filters);
      if (next.focus) params.set('focus', next.focus);
      const qs = params.toString();
      // the native history API: Next.js updates useSearchParams from it without a server round trip
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  const setFilters = useCallback<FiltersChange>(
    (next) => writeUrl({ ...latest.current, filters: typeof next === 'function' ? next(latest.current.filters) : next }),
    [writeUrl],
  );

  const dismissFocus = useCallback(() => {
    setFocus(null);
    writeUrl({ ...latest.current, focus: null });
  }, [writeUrl]);

  return { filters, setFilters, focus, dismissFocus };
}
