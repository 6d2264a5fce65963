'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { filtersFromParams, filtersToParams } from '@/lib/todos-state';
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
  // the todo a reminder email links to (/todos?focus=<id>), kept when the filters rewrite the URL
  const [focus] = useState(() => searchParams.get('focus'));

  const latest = useRef(filters);
  useEffect(() => {
    latest.current = filters;
  }, [filters]);

  const setFilters = useCallback<FiltersChange>(
    (next) => {
      const resolved = typeof next === 'function' ? next(latest.current) : next;
      latest.current = resolved;
      const qs = filtersToParams(resolved).toString();
      // the native history API: Next.js updates useSearchParams from it without a server round trip
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  return { filters, setFilters, focus };
}
