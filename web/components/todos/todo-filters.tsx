'use client';

import { useEffect, useState } from 'react';
import { DEFAULT_FILTERS, isFiltered, type DueFilter, type Filters, type StatusFilter } from '@/lib/todos-state';
import type { Category, SortField } from '@/lib/types';
import { PRIORITIES, type Priority } from '@/lib/validation';

const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];

const SORTS: { value: string; label: string }[] = [
  { value: 'position:asc', label: 'My order' },
  { value: 'createdAt:desc', label: 'Newest first' },
  { value: 'createdAt:asc', label: 'Oldest first' },
  { value: 'updatedAt:desc', label: 'Recently updated' },
  { value: 'dueAt:asc', label: 'Due date' },
  { value: 'priority:desc', label: 'Priority' },
  { value: 'title:asc', label: 'Title A–Z' },
];

/** A new set of filters, or a change to the latest one (which the URL may not show yet). */
export type FiltersChange = (next: Filters | ((current: Filters) => Filters)) => void;

export function TodoFilters({ filters, onChange, categories }: { filters: Filters; onChange: FiltersChange; categories: Category[] }) {
  const [q, setQ] = useState(filters.q);
  const [tag, setTag] = useState(filters.tag);
  const [moreOpen, setMoreOpen] = useState(false);
  const extra = filters.priorities.length + (filters.category ? 1 : 0) + (filters.tag ? 1 : 0) + (filters.due !== 'any' ? 1 : 0);
  const update = (patch: Partial<Filters>) => onChange((current) => ({ ...current, ...patch, page: 0 }));

  // typing waits a moment before searching
  useEffect(() => {
    if (q === filters.q && tag === filters.tag) return;
    const timer = setTimeout(() => onChange((current) => ({ ...current, q, tag: tag.trim(), page: 0 })), 300);
    return () => clearTimeout(timer);
  }, [q, tag, filters, onChange]);

  const sortValue = `${filters.sort}:${filters.order}`;
  const priority = filters.priorities.length === 1 ? filters.priorities[0] : '';

  return (
    <section className="card" aria-label="Filter and sort">
      <div className="toolbar">
        <div className="tabs" role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button key={s.value} type="button" aria-pressed={filters.status === s.value} onClick={() => update({ status: s.value })}>
              {s.label}
            </button>
          ))}
        </div>
        <div className="field grow">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" type="search" className="input" placeholder="Search title and description" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <button
          type="button"
          className="btn btn-sm filters-toggle"
          aria-expanded={moreOpen}
          aria-controls="more-filters"
          onClick={() => setMoreOpen((v) => !v)}
        >
          {moreOpen ? 'Hide filters' : `Filters and sort${extra ? ` (${extra})` : ''}`}
        </button>
      </div>
      <div className="toolbar more-filters" id="more-filters" data-open={moreOpen}>
        <div className="field">
          <label htmlFor="filter-priority">Priority</label>
          <select
            id="filter-priority"
            className="select"
            value={priority}
            onChange={(e) => update({ priorities: e.target.value ? [e.target.value as Priority] : [] })}
          >
            <option value="">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p === 'none' ? 'No priority' : p[0]?.toUpperCase() + p.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-category">Category</label>
          <select id="filter-category" className="select" value={filters.category} onChange={(e) => update({ category: e.target.value })}>
            <option value="">Any</option>
            {categories.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({c.count})
              </option>
            ))}
            {filters.category && !categories.some((c) => c.name === filters.category) ? <option value={filters.category}>{filters.category}</option> : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-tag">Tag</label>
          <input id="filter-tag" className="input" placeholder="Any" value={tag} onChange={(e) => setTag(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="filter-due">Due</label>
          <select id="filter-due" className="select" value={filters.due} onChange={(e) => update({ due: e.target.value as DueFilter })}>
            <option value="any">Any time</option>
            <option value="overdue">Overdue</option>
            <option value="today">Today</option>
            <option value="week">Next 7 days</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort</label>
          <select
            id="filter-sort"
            className="select"
            value={sortValue}
            onChange={(e) => {
              const [sort, order] = e.target.value.split(':') as [SortField, 'asc' | 'desc'];
              update({ sort, order });
            }}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {isFiltered(filters) ? (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              setQ('');
              setTag('');
              onChange((current) => ({ ...DEFAULT_FILTERS, sort: current.sort, order: current.order }));
            }}
          >
            Clear filters
          </button>
        ) : null}
      </div>
    </section>
  );
}
