import type { Filters } from '@/lib/todos-state';
import type { FiltersChange } from './todo-filters';

export function TodoPagination({ filters, totalPages, onChange }: { filters: Filters; totalPages: number; onChange: FiltersChange }) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <button type="button" className="btn btn-sm" disabled={filters.page === 0} onClick={() => onChange((current) => ({ ...current, page: current.page - 1 }))}>
        ← Previous
      </button>
      <span className="muted">
        Page {filters.page + 1} of {totalPages}
      </span>
      <button
        type="button"
        className="btn btn-sm"
        disabled={filters.page >= totalPages - 1}
        onClick={() => onChange((current) => ({ ...current, page: current.page + 1 }))}
      >
        Next →
      </button>
    </nav>
  );
}
