'use client';

import { useQuery } from '@tanstack/react-query';
import { browserApi } from '@/lib/browser-api';
import { errorMessage, NotFoundError, UnauthorizedError, ValidationError } from '@/lib/errors';
import type { Todo } from '@/lib/types';
import { todoKeys } from './todo-store';
import type { TodoList } from './use-todo-list';

/** Todo ids are UUIDs: anything else in a link cannot name one, so it is not asked for. */
const TODO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type FocusedTodo =
  /** no link, the todo is in the list (highlighted in place), it is being read, or the person deleted it */
  | { show: 'nothing' }
  /** not in the list shown (another page, filtered out): shown above it */
  | { show: 'pinned'; todo: Todo }
  /** a malformed id, or one the service does not know for this person (deleted, someone else's) */
  | { show: 'gone' }
  | { show: 'failed'; message: string; retry: () => void };

const NOTHING: FocusedTodo = { show: 'nothing' };
const GONE: FocusedTodo = { show: 'gone' };

/**
 * The todo a reminder email links to (/todos?focus=<id>). In the list shown it is highlighted where
 * it is; otherwise it is read by id (once the list has loaded, so a todo on this page costs nothing)
 * with the writes not yet answered laid over it, as the list does.
 */
export function useFocusedTodo(focus: string | null, list: TodoList): FocusedTodo {
  const inList = focus !== null && list.items.some((t) => t.id === focus);
  const wellFormed = focus !== null && TODO_ID.test(focus);
  const deleted = focus !== null && list.isHidden(focus);
  const query = useQuery({
    queryKey: todoKeys.one(focus ?? ''),
    queryFn: async () => (await browserApi().getTodo(focus!)).data,
    enabled: wellFormed && !inList && !deleted && !list.loading,
  });

  if (focus === null || inList || deleted) return NOTHING;
  if (!wellFormed || query.error instanceof NotFoundError || query.error instanceof ValidationError) return GONE;
  if (query.data) {
    const todo = list.asShown(query.data);
    return todo ? { show: 'pinned', todo } : NOTHING;
  }
  // the session provider sends the person to sign-in; a read tried again is still under way
  if (query.error && !(query.error instanceof UnauthorizedError) && !query.isFetching) {
    return { show: 'failed', message: errorMessage(query.error), retry: () => void query.refetch() };
  }
  return NOTHING;
}
