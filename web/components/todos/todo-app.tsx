'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { FormAlert } from '@/components/ui/field';
import { Toasts, type Toast } from '@/components/ui/toasts';
import { browserApi } from '@/lib/browser-api';
import { errorMessage, NotFoundError, UnauthorizedError, ValidationError, VersionConflictError } from '@/lib/errors';
import {
  canReorder, DEFAULT_FILTERS, matchesStatus, filtersFromParams, filtersToParams, filtersToQuery, isFiltered, moveItem, moveTarget,
  removeItem, replaceItem, restoreItem, toggled,
} from '@/lib/todos-state';
import type { Category, Todo, TodoPage } from '@/lib/types';
import { LIMITS, type FieldErrors } from '@/lib/validation';
import { TodoFilters, type FiltersChange } from './todo-filters';
import { draftFromTodo, draftToBody, EMPTY_DRAFT, TodoFields, validateDraft, type TodoDraft } from './todo-fields';
import { TodoItem } from './todo-item';

const UNDO_MS = 5000;

type Loaded = { key: string; page: TodoPage } | { key: string; error: string };
type Counts = { active: number; completed: number };

export function TodoApp() {
  const api = browserApi();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const queryKey = filtersToParams(filters).toString();

  const [reloadTick, setReloadTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [items, setItems] = useState<Todo[]>([]);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [editing, setEditing] = useState<Todo | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const pendingDeletes = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const toastSeq = useRef(0);
  // bumped by every change; a list answer that started before a change is stale and is fetched again
  const mutations = useRef(0);

  const loadKey = `${queryKey}#${reloadTick}`;
  const loading = loaded?.key !== loadKey;
  const page = loaded && 'page' in loaded ? loaded.page : null;
  const loadError = loaded && 'error' in loaded && !loading ? loaded.error : null;

  const notify = useCallback((message: string, extra: Partial<Toast> = {}) => {
    const id = ++toastSeq.current;
    setToasts((list) => [...list.slice(-2), { id, message, ...extra }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), extra.action ? UNDO_MS : 4000);
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof UnauthorizedError) return; // the session provider sends the user to sign-in
      notify(errorMessage(error), { tone: 'error' });
    },
    [notify],
  );

  const metaSeq = useRef(0);
  const refreshMeta = useCallback(() => {
    const seq = ++metaSeq.current;
    Promise.all([
      api.listTodos({ status: 'active', size: 1 }),
      api.listTodos({ status: 'completed', size: 1 }),
      api.categories(),
    ])
      .then(([active, completed, cats]) => {
        if (seq !== metaSeq.current) return; // a newer answer is on its way
        setCounts({ active: active.totalItems, completed: completed.totalItems });
        setCategories(cats);
      })
      .catch(() => undefined);
  }, [api]);

  const reload = useCallback(() => setReloadTick((t) => t + 1), []);

  // The filters live in the URL. Changes build on the latest one asked for, not on the last render,
  // so two quick changes (clear a filter, then sort) never undo each other while the URL catches up.
  const latestFilters = useRef(filters);
  useEffect(() => {
    latestFilters.current = filters;
  }, [filters]);
  const setFilters = useCallback<FiltersChange>(
    (next) => {
      const resolved = typeof next === 'function' ? next(latestFilters.current) : next;
      latestFilters.current = resolved;
      const qs = filtersToParams(resolved).toString();
      // the native history API: Next.js updates useSearchParams from it without a server round trip
      window.history.replaceState(null, '', qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  useEffect(() => {
    let live = true;
    const seen = mutations.current;
    api
      .listTodos(filtersToQuery(filters))
      .then((result) => {
        if (!live) return;
        if (mutations.current !== seen) {
          setReloadTick((t) => t + 1);
          return;
        }
        if (result.page > 0 && result.items.length === 0 && result.totalPages > 0) {
          // the page emptied (deletes elsewhere): show the last one that exists
          setFilters((current) => ({ ...current, page: result.totalPages - 1 }));
          return;
        }
        // todos waiting out their undo window stay hidden
        setItems(result.items.filter((t) => !pendingDeletes.current.has(t.id)));
        setLoaded({ key: loadKey, page: result });
      })
      .catch((error) => {
        if (!live || error instanceof UnauthorizedError) return;
        setLoaded({ key: loadKey, error: errorMessage(error) });
      });
    refreshMeta();
    return () => {
      live = false;
    };
    // loadKey captures filters and reloads
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loadKey]);

  useEffect(() => {
    const pending = pendingDeletes.current;
    return () => {
      // leaving the page commits the deletes still waiting for undo
      for (const [id, timer] of pending) {
        clearTimeout(timer);
        browserApi().deleteTodo(id).catch(() => undefined);
      }
      pending.clear();
    };
  }, []);

  // ---------- add
  const [title, setTitle] = useState('');
  const [draft, setDraft] = useState<TodoDraft>(EMPTY_DRAFT);
  const [showDetails, setShowDetails] = useState(false);
  const [addErrors, setAddErrors] = useState<FieldErrors>({});
  const [adding, setAdding] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    const full = { ...draft, title };
    const errors = validateDraft(full);
    setAddErrors(errors);
    if (Object.keys(errors).length) {
      if (errors.title) titleRef.current?.focus();
      else setShowDetails(true);
      return;
    }
    const body = draftToBody(full);
    const now = new Date().toISOString();
    const temp: Todo = {
      id: `temp-${Date.now()}`, title: body.title, description: body.description ?? null, completed: false, completedAt: null,
      priority: body.priority ?? 'none', category: body.category ?? null, tags: body.tags ?? [], dueAt: body.dueAt ?? null,
      position: 0, createdAt: now, updatedAt: now, version: 0,
    };
    // new todos go to the end of the manual order
    const atEnd = (filters.sort === 'position' || filters.sort === 'createdAt') && filters.order === 'asc';
    setItems(atEnd ? [...items, temp] : [temp, ...items]);
    mutations.current += 1;
    setTitle('');
    setDraft(EMPTY_DRAFT);
    setShowDetails(false);
    setAdding(true);
    try {
      await api.createTodo(body);
      reload();
    } catch (error) {
      setItems((list) => list.filter((t) => t.id !== temp.id));
      setTitle((current) => current || full.title);
      setDraft({ ...full });
      if (error instanceof ValidationError && Object.keys(error.fieldErrors).length) {
        setAddErrors(error.fieldErrors);
        setShowDetails(true);
      } else fail(error);
    } finally {
      setAdding(false);
      titleRef.current?.focus();
    }
  }

  // ---------- toggle / bulk
  async function onToggle(todo: Todo) {
    mutations.current += 1;
    setItems((list) => replaceItem(list, toggled(todo)));
    try {
      const saved = await api.toggleTodo(todo.id);
      if (matchesStatus(saved, filters.status)) {
        setItems((list) => replaceItem(list, saved));
      } else {
        // it no longer belongs to this view (e.g. done under "Active"): take it out, with undo
        setItems((list) => list.filter((t) => t.id !== saved.id));
        notify(`“${saved.title}” marked as ${saved.completed ? 'done' : 'not done'}.`, {
          action: { label: 'Undo', run: () => void api.toggleTodo(saved.id).then(reload, fail) },
        });
      }
      refreshMeta();
    } catch (error) {
      setItems((list) => replaceItem(list, todo));
      if (error instanceof NotFoundError) reload();
      fail(error);
    }
  }

  async function completeShown() {
    const ids = items.filter((t) => !t.completed).map((t) => t.id);
    if (!ids.length) return;
    const before = items;
    setItems((list) => list.map((t) => (t.completed ? t : toggled(t))));
    mutations.current += 1;
    try {
      const { affected } = await api.bulk('complete', ids);
      notify(`Marked ${affected} todo${affected === 1 ? '' : 's'} as done.`);
      reload();
    } catch (error) {
      setItems(before);
      fail(error);
    }
  }

  async function clearCompleted() {
    setConfirmClear(false);
    try {
      const { deleted } = await api.clearCompleted();
      notify(`Cleared ${deleted} completed todo${deleted === 1 ? '' : 's'}.`);
      reload();
    } catch (error) {
      fail(error);
    }
  }

  // ---------- delete with undo
  function onDelete(todo: Todo) {
    const { items: rest, removed } = removeItem(items, todo.id);
    if (!removed) return;
    mutations.current += 1;
    setItems(rest);
    const timer = setTimeout(async () => {
      pendingDeletes.current.delete(todo.id);
      try {
        await api.deleteTodo(todo.id);
        refreshMeta();
      } catch (error) {
        if (error instanceof NotFoundError) return;
        setItems((list) => restoreItem(list, removed.todo, removed.index));
        fail(error);
      }
    }, UNDO_MS);
    pendingDeletes.current.set(todo.id, timer);
    notify(`Deleted “${todo.title}”.`, {
      action: {
        label: 'Undo',
        run: () => {
          clearTimeout(timer);
          pendingDeletes.current.delete(todo.id);
          setItems((list) => restoreItem(list, removed.todo, removed.index));
        },
      },
    });
  }

  // ---------- reorder (drag and drop, or the up/down buttons)
  async function onMove(from: number, to: number) {
    const target = moveTarget(items, from, to);
    const moving = items[from];
    if (!target || !moving) return;
    const before = items;
    setItems(moveItem(items, from, to));
    mutations.current += 1;
    setAnnouncement(`Moved “${moving.title}” to position ${to + 1} of ${items.length}.`);
    try {
      const saved = await api.moveTodo(moving.id, target);
      setItems((list) => replaceItem(list, saved));
    } catch (error) {
      setItems(before);
      fail(error);
    }
  }

  const reorderable = canReorder(filters) && !loading;
  const totalPages = page?.totalPages ?? 0;
  const categoryNames = categories.map((c) => c.name);

  return (
    <>
      <div className="page-title">
        <h1>Todos</h1>
        {counts ? (
          <p className="counts" aria-live="polite" data-testid="counts">
            <span>{counts.active} active</span>
            <span>{counts.completed} completed</span>
            <span>{counts.active + counts.completed} total</span>
          </p>
        ) : null}
      </div>

      <form className="card" onSubmit={onAdd} noValidate aria-label="Add a todo">
        <label htmlFor="new-todo" className="sr-only">
          New todo
        </label>
        <div className="quick-add">
          <input
            id="new-todo"
            ref={titleRef}
            className="input"
            placeholder="What needs doing? Press Enter to add"
            value={title}
            maxLength={LIMITS.titleMax}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={addErrors.title ? true : undefined}
            aria-describedby={addErrors.title ? 'new-todo-error' : undefined}
            autoComplete="off"
          />
          <button type="submit" className="btn btn-primary" aria-busy={adding}>
            Add
          </button>
        </div>
        {addErrors.title ? (
          <p id="new-todo-error" className="field-error">
            {addErrors.title}
          </p>
        ) : null}
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          style={{ marginTop: '0.5rem' }}
          aria-expanded={showDetails}
          aria-controls="new-todo-details"
          onClick={() => setShowDetails((v) => !v)}
        >
          {showDetails ? 'Hide details' : 'Add details'}
        </button>
        <div id="new-todo-details" hidden={!showDetails}>
          {showDetails ? <TodoFields draft={draft} onChange={setDraft} errors={addErrors} categories={categoryNames} /> : null}
        </div>
      </form>

      <TodoFilters filters={filters} onChange={setFilters} categories={categories} />

      <div className="bulkbar">
        <span className="muted" aria-live="polite">
          {page ? `${page.totalItems}${isFiltered(filters) ? ' matching' : ''} todo${page.totalItems === 1 ? '' : 's'}` : '\u00a0'}
        </span>
        <span style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
          <button type="button" className="btn btn-sm" onClick={completeShown} disabled={!items.some((t) => !t.completed)}>
            Complete all shown
          </button>
          <button type="button" className="btn btn-sm" onClick={() => setConfirmClear(true)} disabled={!counts?.completed}>
            Clear completed
          </button>
        </span>
      </div>

      {loadError ? (
        <div className="alert alert-error" role="alert">
          <p>{loadError}</p>
          <button type="button" className="btn btn-sm" onClick={reload}>
            Try again
          </button>
        </div>
      ) : loading && !page ? (
        <div className="center-state" role="status">
          <span className="spinner" aria-hidden="true" />
          <p>Loading your todos…</p>
        </div>
      ) : items.length === 0 ? (
        <div className="center-state card">
          {isFiltered(filters) ? (
            <>
              <p>No todos match these filters.</p>
              <button type="button" className="btn btn-sm" onClick={() => setFilters(DEFAULT_FILTERS)}>
                Clear filters
              </button>
            </>
          ) : (
            <>
              <p style={{ fontSize: '1.1rem', color: 'var(--text)' }}>Nothing to do yet.</p>
              <p>Add your first todo above — press Enter to save it.</p>
            </>
          )}
        </div>
      ) : (
        <>
          {reorderable ? (
            <p className="hint" id="reorder-hint">
              Drag items to reorder them, or use the ↑ and ↓ buttons.
            </p>
          ) : null}
          <ul className="todo-list" aria-label="Todos" aria-busy={loading} aria-describedby={reorderable ? 'reorder-hint' : undefined}>
            {items.map((todo, index) => (
              <TodoItem
                key={todo.id}
                todo={todo}
                index={index}
                count={items.length}
                reorderable={reorderable && !todo.id.startsWith('temp-')}
                dragging={dragFrom === index}
                dropTarget={dropAt === index && dragFrom !== null && dragFrom !== index}
                onToggle={onToggle}
                onEdit={setEditing}
                onDelete={onDelete}
                onMove={onMove}
                onDragStart={setDragFrom}
                onDragOver={setDropAt}
                onDrop={(to) => {
                  if (dragFrom !== null) void onMove(dragFrom, to);
                  setDragFrom(null);
                  setDropAt(null);
                }}
                onDragEnd={() => {
                  setDragFrom(null);
                  setDropAt(null);
                }}
              />
            ))}
          </ul>
        </>
      )}

      {totalPages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          <button type="button" className="btn btn-sm" disabled={filters.page === 0} onClick={() => setFilters((current) => ({ ...current, page: current.page - 1 }))}>
            ← Previous
          </button>
          <span className="muted">
            Page {filters.page + 1} of {totalPages}
          </span>
          <button type="button" className="btn btn-sm" disabled={filters.page >= totalPages - 1} onClick={() => setFilters((current) => ({ ...current, page: current.page + 1 }))}>
            Next →
          </button>
        </nav>
      ) : null}

      <EditDialog
        todo={editing}
        categories={categoryNames}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setItems((list) => replaceItem(list, saved));
          setEditing(null);
          refreshMeta();
        }}
        onGone={() => {
          setEditing(null);
          notify('That todo was deleted elsewhere.', { tone: 'error' });
          reload();
        }}
      />

      <Dialog open={confirmClear} onClose={() => setConfirmClear(false)} title="Clear completed todos?">
        <p>
          This deletes {counts?.completed ?? 0} completed todo{counts?.completed === 1 ? '' : 's'} for good.
        </p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={() => setConfirmClear(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={clearCompleted}>
            Clear completed
          </button>
        </div>
      </Dialog>

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <Toasts toasts={toasts} dismiss={dismiss} />
    </>
  );
}

function EditDialog({ todo, categories, onClose, onSaved, onGone }: {
  todo: Todo | null;
  categories: string[];
  onClose: () => void;
  onSaved: (todo: Todo) => void;
  onGone: () => void;
}) {
  return (
    <Dialog open={todo !== null} onClose={onClose} title="Edit todo">
      {todo ? <EditForm key={`${todo.id}:${todo.version}`} todo={todo} categories={categories} onClose={onClose} onSaved={onSaved} onGone={onGone} /> : null}
    </Dialog>
  );
}

function EditForm({ todo: initial, categories, onClose, onSaved, onGone }: {
  todo: Todo;
  categories: string[];
  onClose: () => void;
  onSaved: (todo: Todo) => void;
  onGone: () => void;
}) {
  const api = browserApi();
  const [todo, setTodo] = useState(initial);
  const [draft, setDraft] = useState(() => draftFromTodo(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fieldErrors = validateDraft(draft);
    setErrors(fieldErrors);
    setFormError(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      const { data } = await api.updateTodo(todo.id, draftToBody(draft), todo.version);
      onSaved(data);
    } catch (error) {
      setBusy(false);
      if (error instanceof VersionConflictError) setConflict(true);
      else if (error instanceof NotFoundError) onGone();
      else if (error instanceof ValidationError && Object.keys(error.fieldErrors).length) setErrors(error.fieldErrors);
      else if (!(error instanceof UnauthorizedError)) setFormError(errorMessage(error));
    }
  }

  async function reloadLatest() {
    try {
      const { data } = await api.getTodo(todo.id);
      setTodo(data);
      setDraft(draftFromTodo(data));
      setConflict(false);
    } catch (error) {
      if (error instanceof NotFoundError) onGone();
      else setFormError(errorMessage(error));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {conflict ? (
        <div className="alert alert-warning" role="alert">
          <p>This todo was changed elsewhere — reload to get the latest version, then make your change again.</p>
          <button type="button" className="btn btn-sm" onClick={reloadLatest}>
            Reload
          </button>
        </div>
      ) : null}
      <FormAlert message={formError} />
      <TodoFields draft={draft} onChange={setDraft} errors={errors} categories={categories} withTitle />
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || conflict}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
