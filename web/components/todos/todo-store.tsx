'use client';

import { createSyncStoragePersister } from '@tanstack/query-sync-storage-persister';
import { dehydrate, notifyManager, onlineManager, QueryClient, type DehydrateOptions } from '@tanstack/react-query';
import { PersistQueryClientProvider, type PersistedClient } from '@tanstack/react-query-persist-client';
import { useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { browserApi } from '@/lib/browser-api';
import { NetworkError, NotFoundError, UnauthorizedError, VersionConflictError } from '@/lib/errors';
import { currentSession } from '@/lib/session-client';
import {
  applyPending, isTempId, retryDelay, shouldRetryWrite, type CompleteManyWrite, type ClearCompletedWrite, type CreateWrite, type DeleteWrite,
  type MoveWrite, type ToggleWrite, type UpdateWrite, type WriteKind,
} from '@/lib/todo-writes';
import { filtersFromParams, matchesStatus } from '@/lib/todos-state';
import type { Todo, TodoPage, TodoPatch } from '@/lib/types';

/** Bumped when what is persisted changes shape: older copies are then dropped. */
const BUSTER = 'todos-1';
/** Below the service's 24 h Idempotency-Key window, so a write sent again is never done twice. */
const MAX_AGE_MS = 23 * 60 * 60 * 1000;
const WRITES = 'todo-writes';

/*
 * What a write shows at once (a ticked box, a new row) comes from the pending mutations, which Query
 * publishes in batches. By default a batch waits for a setTimeout: a controlled checkbox then went back
 * to its old state when the click ended and changed a task later (a flicker; on a loaded machine long
 * enough for a person or Playwright's check() to see the click "not work"). In a microtask the batch
 * is rendered before the browser does anything else, the click's own task included.
 */
notifyManager.setScheduler(queueMicrotask);

export const todoKeys = {
  all: ['todos'] as const,
  list: (params: string) => ['todos', 'list', params] as const,
  /** one todo read by id: the one a reminder email links to, when the list shown does not hold it */
  one: (id: string) => ['todos', 'one', id] as const,
  counts: ['todos', 'counts'] as const,
  categories: ['todos', 'categories'] as const,
};

export const writeKey = (kind: WriteKind) => ['todos', 'write', kind] as const;

export type Conflict = { id: string; title: string; patch: TodoPatch };
export type WriteFailure = { kind: WriteKind; error: unknown };

/**
 * The todos' client-side data for one signed-in person: the TanStack Query client, persisted to
 * localStorage with every write not yet answered, so that a write made offline or still in flight
 * when the page went away is sent on the next load (with its Idempotency-Key: once).
 */
export type TodoStore = ReturnType<typeof createTodoStore>;

export function createTodoStore(userId: string) {
  const storageKey = `todo-cache:${userId}`;
  const idsKey = `todo-ids:${userId}`;
  const api = browserApi();
  const ids = new IdBook(idsKey);
  const conflicts = new Listeners<Conflict[]>([]);
  const failures = new Set<(failure: WriteFailure) => void>();
  const leaving = new Set<() => void>();

  const client = new QueryClient({
    defaultOptions: {
      // a read cut off by the network going away is tried again (paused while offline); any other
      // failed read shows its error with "Try again" at once
      queries: { staleTime: 0, gcTime: MAX_AGE_MS, retry: (count, error) => error instanceof NetworkError && count < 3 },
      mutations: {
        // one write at a time, in the order made: an action on a todo still being created waits for it
        scope: { id: WRITES },
        retry: shouldRetryWrite,
        retryDelay,
      },
    },
  });

  const dehydrateOptions: DehydrateOptions = {
    // every unanswered write, not only the paused ones: a reload may cut one short
    shouldDehydrateMutation: (mutation) => mutation.state.status === 'pending',
  };
  const serialize = (persisted: PersistedClient) => JSON.stringify(resumable(persisted));
  const persister = createSyncStoragePersister({ storage: safeStorage(), key: storageKey, throttleTime: 200, serialize });

  function failed(kind: WriteKind, error: unknown) {
    for (const listener of failures) listener({ kind, error });
  }

  /**
   * After a write: the answer into the cached lists at once, then fetched again (`refetch` false when
   * the answer says all there is to know, as a move's does).
   */
  async function settle(apply: ((items: Todo[]) => Todo[]) | null, { refetch = true, wait = false } = {}) {
    if (apply) {
      client.setQueriesData<{ items: Todo[] }>({ queryKey: ['todos', 'list'] }, (page) => page && { ...page, items: apply(page.items) });
      // and into a todo read alone (a reminder's link); one the write removed keeps its copy until the refetch's 404
      client.setQueriesData<Todo>({ queryKey: ['todos', 'one'] }, (todo) => todo && (apply([todo])[0] ?? todo));
    }
    if (!refetch) {
      await client.invalidateQueries({ queryKey: ['todos', 'list'], refetchType: 'none' });
      return void client.invalidateQueries({ queryKey: todoKeys.counts });
    }
    const refetched = client.invalidateQueries({ queryKey: todoKeys.all });
    if (wait) await refetched;
  }
  const replacing = (todo: Todo) => (items: Todo[]) => items.map((t) => (t.id === todo.id ? todo : t));

  /** A new todo into every cached list whose status it matches, where the list shows new ones. */
  function insertNew(todo: Todo) {
    for (const [key, page] of client.getQueriesData<TodoPage>({ queryKey: ['todos', 'list'] })) {
      const filters = filtersFromParams(new URLSearchParams(String(key[2] ?? '')));
      if (!page || !matchesStatus(todo, filters.status) || page.items.some((t) => t.id === todo.id)) continue;
      const atEnd = (filters.sort === 'position' || filters.sort === 'createdAt') && filters.order === 'asc';
      client.setQueryData<TodoPage>(key, { ...page, items: atEnd ? [...page.items, todo] : [todo, ...page.items] });
    }
  }

  function addCreated(todo: Todo) {
    insertNew(todo);
    return settle(null);
  }

  /** A toggle's or an edit's answer; completing a recurring todo also created its next occurrence, shown at once. */
  function addSaved({ nextOccurrence, ...todo }: Todo) {
    if (nextOccurrence) insertNew(nextOccurrence);
    return settle(replacing({ ...todo, nextOccurrence: null }));
  }

  const onError = (kind: WriteKind) => (error: unknown, vars: { detached?: boolean; id?: string }) => {
    if (error instanceof UnauthorizedError) return; // the session provider sends the person to sign-in
    void client.invalidateQueries({ queryKey: todoKeys.all });
    // an edit the dialog waits for shows its own errors
    if (kind === 'update' && !vars.detached) return;
    if (kind === 'delete' && error instanceof NotFoundError) return;
    if (kind === 'update' && error instanceof VersionConflictError) {
      const update = vars as UpdateWrite;
      const id = ids.real(update.id);
      conflicts.set([...conflicts.get().filter((c) => c.id !== id), { id, title: update.title, patch: update.patch }]);
      return;
    }
    failed(kind, error);
  };

  const keyed = (key: string) => ({ idempotencyKey: key });

  client.setMutationDefaults(writeKey('create'), {
    mutationFn: async (vars: CreateWrite) => {
      const { data } = await api.createTodo(vars.body, keyed(vars.key));
      ids.created(vars.tempId, data);
      return data;
    },
    onSuccess: addCreated,
    onError: onError('create'),
  });
  client.setMutationDefaults(writeKey('toggle'), {
    mutationFn: async (vars: ToggleWrite) => ids.saw(await api.toggleTodo(ids.real(vars.id), keyed(vars.key))),
    onSuccess: addSaved,
    onError: onError('toggle'),
  });
  client.setMutationDefaults(writeKey('update'), {
    mutationFn: async (vars: UpdateWrite) => {
      const version = vars.version === null || isTempId(vars.id) ? undefined : ids.latestOwn(ids.real(vars.id), vars.version);
      const { data } = await api.updateTodo(ids.real(vars.id), vars.patch, version, keyed(vars.key));
      return ids.saw(data);
    },
    onSuccess: addSaved,
    onError: onError('update'),
  });
  client.setMutationDefaults(writeKey('move'), {
    mutationFn: async (vars: MoveWrite) => {
      const t = vars.target;
      const target = 'beforeId' in t ? { beforeId: ids.real(t.beforeId) } : { afterId: ids.real(t.afterId) };
      return ids.saw(await api.moveTodo(ids.real(vars.id), target, keyed(vars.key)));
    },
    onSuccess: (todo: Todo, vars: MoveWrite) =>
      settle((items) => applyPending(replacing(todo)(items), [{ kind: 'move', vars }], { status: 'all', newAtEnd: true, realId: ids.real.bind(ids) }), {
        refetch: false,
      }),
    onError: onError('move'),
  });
  client.setMutationDefaults(writeKey('delete'), {
    mutationFn: async (vars: DeleteWrite) => {
      await api.deleteTodo(ids.real(vars.id), keyed(vars.key)).catch((error) => {
        if (!(error instanceof NotFoundError)) throw error; // gone already is what was asked
      });
      return ids.real(vars.id);
    },
    onSuccess: (id: string) => settle((items) => items.filter((t) => t.id !== id)),
    onError: onError('delete'),
  });
  client.setMutationDefaults(writeKey('completeMany'), {
    mutationFn: (vars: CompleteManyWrite) => api.bulk('complete', vars.ids.map((id) => ids.real(id)).filter((id) => !isTempId(id)), keyed(vars.key)),
    onSuccess: () => settle(null, { wait: true }),
    onError: onError('completeMany'),
  });
  client.setMutationDefaults(writeKey('clearCompleted'), {
    mutationFn: (vars: ClearCompletedWrite) => api.clearCompleted(keyed(vars.key)),
    onSuccess: () => settle(null, { wait: true }),
    onError: onError('clearCompleted'),
  });

  const pendingCount = () => client.getMutationCache().getAll().filter((m) => m.state.status === 'pending').length;

  /** Saves at once (the persister waits a moment): the page is going away. */
  function flush() {
    const persisted: PersistedClient = { buster: BUSTER, timestamp: Date.now(), clientState: dehydrate(client, dehydrateOptions) };
    try {
      safeStorage()?.setItem(storageKey, serialize(persisted));
    } catch {
      // storage full or blocked: the keepalive requests still go out
    }
  }

  return {
    client,
    persistOptions: { persister, maxAge: MAX_AGE_MS, buster: BUSTER, dehydrateOptions },
    ids,
    conflicts,
    pendingCount,
    flush,
    /** things to send right now when the page goes away (deletes waiting out their undo) */
    onLeave(fn: () => void) {
      leaving.add(fn);
      return () => void leaving.delete(fn);
    },
    leave() {
      for (const fn of leaving) fn();
      flush();
    },
    onFailure(listener: (failure: WriteFailure) => void) {
      failures.add(listener);
      return () => void failures.delete(listener);
    },
    resolveConflict(id: string) {
      conflicts.set(conflicts.get().filter((c) => c.id !== id && c.id !== ids.real(id)));
    },
  };
}

/**
 * A persisted write is resumed on the next load only when it is marked paused, and whatever was
 * waiting for it on this page (an open dialog) is gone by then: mark both.
 */
function resumable(persisted: PersistedClient): PersistedClient {
  const mutations = persisted.clientState.mutations.map((m) => ({
    ...m,
    state: { ...m.state, isPaused: true, variables: { ...(m.state.variables as object), detached: true } },
  }));
  return { ...persisted, clientState: { ...persisted.clientState, mutations } };
}

function safeStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * What the service answered to this browser's own writes, kept across reloads: the real id of each
 * todo created under a temporary one, and the versions its own writes produced, so an edit made
 * before those writes went out does not conflict with them.
 */
class IdBook {
  private ids: Record<string, string> = {};
  private versions: Record<string, number[]> = {};

  constructor(private readonly key: string) {
    try {
      const saved = JSON.parse(safeStorage()?.getItem(key) ?? '{}') as { ids?: Record<string, string>; versions?: Record<string, number[]> };
      this.ids = saved.ids ?? {};
      this.versions = saved.versions ?? {};
    } catch {
      // nothing usable saved
    }
  }

  real(id: string): string {
    return this.ids[id] ?? id;
  }

  created(tempId: string, todo: Todo) {
    this.ids[tempId] = todo.id;
    this.saw(todo);
  }

  saw(todo: Todo): Todo {
    this.versions[todo.id] = [...(this.versions[todo.id] ?? []), todo.version].slice(-20);
    this.save();
    return todo;
  }

  /** The version to send for an edit made at `version`: past the versions this browser's own writes made since. */
  latestOwn(id: string, version: number): number {
    const own = this.versions[id] ?? [];
    let current = version;
    while (own.includes(current + 1)) current += 1;
    return current;
  }

  private save() {
    const keep = <T,>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).slice(-200));
    this.ids = keep(this.ids);
    this.versions = keep(this.versions);
    try {
      safeStorage()?.setItem(this.key, JSON.stringify({ ids: this.ids, versions: this.versions }));
    } catch {
      // best effort: without it an edit may meet a conflict it can resolve
    }
  }
}

class Listeners<T> {
  private listeners = new Set<() => void>();
  constructor(private value: T) {}
  get = () => this.value;
  set(value: T) {
    this.value = value;
    for (const l of this.listeners) l();
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

const stores = new Map<string, TodoStore>();

/** One store per signed-in person for the life of the page (navigating away and back keeps it). */
export function todoStoreFor(userId: string): TodoStore {
  let store = stores.get(userId);
  if (!store) {
    store = createTodoStore(userId);
    stores.set(userId, store);
  }
  return store;
}

/** For tests: forget every store (the persisted copies are localStorage's). */
export function forgetTodoStores() {
  for (const store of stores.values()) store.client.clear();
  stores.clear();
}

export function useOnline(): boolean {
  return useSyncExternalStore(onlineManager.subscribe.bind(onlineManager), () => onlineManager.isOnline(), () => true);
}

export function useConflicts(store: TodoStore): Conflict[] {
  return useSyncExternalStore(store.conflicts.subscribe, store.conflicts.get, store.conflicts.get);
}

/**
 * Provides the store's client after restoring it from localStorage, then sends the writes the last
 * page left unanswered. While writes are pending, leaving the page asks first; when it goes anyway,
 * the writes are saved for the next load.
 */
export function TodoStoreProvider({ store, children }: { store: TodoStore; children: ReactNode }) {
  useEffect(() => {
    const ask = (event: BeforeUnloadEvent) => {
      if (store.pendingCount() === 0) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const leave = () => store.leave();
    window.addEventListener('beforeunload', ask);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('beforeunload', ask);
      window.removeEventListener('pagehide', leave);
    };
  }, [store]);

  return (
    <PersistQueryClientProvider
      client={store.client}
      persistOptions={store.persistOptions}
      onSuccess={() => store.client.resumePausedMutations().then(() => store.client.invalidateQueries({ queryKey: todoKeys.all }))}
    >
      {children}
    </PersistQueryClientProvider>
  );
}

/** The signed-in person's store (the session provider has one before the todo screen renders). */
export function currentTodoStore(): TodoStore {
  return todoStoreFor(currentSession()?.user.id ?? 'anonymous');
}
