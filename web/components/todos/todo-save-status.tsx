'use client';

import { useIsMutating } from '@tanstack/react-query';
import { useOnline } from './todo-store';

/** Whether the person's changes have reached the service: saving, saved, or waiting for the network. */
export function TodoSaveStatus() {
  const online = useOnline();
  const pending = useIsMutating({ mutationKey: ['todos', 'write'] });
  const text = !online
    ? `Offline — ${pending} change${pending === 1 ? '' : 's'} will sync`
    : pending > 0
      ? 'Saving…'
      : 'All changes saved';
  return (
    <p className="save-status muted" role="status" data-testid="save-status" data-state={!online ? 'offline' : pending > 0 ? 'saving' : 'saved'}>
      {text}
    </p>
  );
}
