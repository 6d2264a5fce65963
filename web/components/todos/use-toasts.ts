'use client';

import { useCallback, useRef, useState } from 'react';
import type { Toast } from '@/components/ui/toasts';
import { errorMessage, UnauthorizedError } from '@/lib/errors';

/** How long a toast with an undo stays (and so how long an undoable delete waits). */
export const UNDO_MS = 5000;

export type Notify = (message: string, extra?: Partial<Toast>) => void;

/** Short messages at the foot of the page, some with an action; the last three stay visible. */
export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const seq = useRef(0);

  const notify = useCallback<Notify>((message, extra = {}) => {
    const id = ++seq.current;
    setToasts((list) => [...list.slice(-2), { id, message, ...extra }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), extra.action ? UNDO_MS : 4000);
  }, []);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  /** An error as a toast; a lost session is the session provider's to handle (it goes to sign-in). */
  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof UnauthorizedError) return;
      notify(errorMessage(error), { tone: 'error' });
    },
    [notify],
  );

  return { toasts, notify, dismiss, fail };
}
