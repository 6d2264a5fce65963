'use client';

import { Dialog } from '@/components/ui/dialog';
import type { Conflict } from './todo-store';

type Props = { conflict: Conflict | null; onKeepMine: (conflict: Conflict) => void; onTakeTheirs: (conflict: Conflict) => void };

/** An edit sent later (it waited offline) found the todo changed on another device: the person chooses. */
export function TodoConflictDialog({ conflict, onKeepMine, onTakeTheirs }: Props) {
  return (
    <Dialog open={conflict !== null} onClose={() => conflict && onTakeTheirs(conflict)} title="Changed on another device">
      {conflict ? (
        <>
          <p>
            “{conflict.title}” was changed elsewhere while your edit waited to be saved. Keep your version, or take the
            other one?
          </p>
          <div className="modal-actions">
            <button type="button" className="btn" onClick={() => onTakeTheirs(conflict)}>
              Take theirs
            </button>
            <button type="button" className="btn btn-primary" onClick={() => onKeepMine(conflict)}>
              Keep mine
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
