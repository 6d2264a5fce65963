'use client';

import { useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { isFiltered, type Filters } from '@/lib/todos-state';
import type { TodoPage } from '@/lib/types';

type Props = {
  page: TodoPage | null;
  filters: Filters;
  anyOpen: boolean;
  completedCount: number;
  onCompleteShown: () => void;
  onClearCompleted: () => void;
};

/** How many todos match, and the actions on many at once (clearing asks first). */
export function TodoBulkBar({ page, filters, anyOpen, completedCount, onCompleteShown, onClearCompleted }: Props) {
  const [confirmClear, setConfirmClear] = useState(false);
  return (
    <>
      <div className="bulkbar">
        <span className="muted" aria-live="polite">
          {page ? `${page.totalItems}${isFiltered(filters) ? ' matching' : ''} todo${page.totalItems === 1 ? '' : 's'}` : '\u00a0'}
        </span>
        <span style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
          <button type="button" className="btn btn-sm" onClick={onCompleteShown} disabled={!anyOpen}>
            Complete all shown
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setConfirmClear(true)} disabled={!completedCount}>
            Clear completed
          </button>
        </span>
      </div>

      <Dialog open={confirmClear} onClose={() => setConfirmClear(false)} title="Clear completed todos?">
        <p>
          This deletes {completedCount} completed todo{completedCount === 1 ? '' : 's'} for good.
        </p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              setConfirmClear(false);
              onClearCompleted();
            }}
          >
            Clear completed
          </button>
        </div>
      </Dialog>
    </>
  );
}
