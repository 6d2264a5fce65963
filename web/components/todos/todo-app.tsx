'use client';

import { useState } from 'react';
import { Toasts } from '@/components/ui/toasts';
import { canReorder, DEFAULT_FILTERS, isFiltered } from '@/lib/todos-state';
import type { Todo } from '@/lib/types';
import { TodoAddForm } from './todo-add-form';
import { TodoBulkBar } from './todo-bulk-bar';
import { TodoEditDialog } from './todo-edit-dialog';
import { TodoFilters } from './todo-filters';
import { TodoFocusPin } from './todo-focus-pin';
import { TodoListView } from './todo-list-view';
import { TodoPagination } from './todo-pagination';
import { useToasts } from './use-toasts';
import { TodoConflictDialog } from './todo-conflict-dialog';
import { TodoSaveStatus } from './todo-save-status';
import { currentTodoStore, TodoStoreProvider, useConflicts, type TodoStore } from './todo-store';
import { useFocusedTodo } from './use-focused-todo';
import { useTodoFilters } from './use-todo-filters';
import { useTodoList, type Counts } from './use-todo-list';
import { useTodoMutations } from './use-todo-mutations';

/** The todo page: the signed-in person's store (queries, queued writes), restored before anything shows. */
export function TodoApp() {
  const [store] = useState(currentTodoStore);
  return (
    <TodoStoreProvider store={store}>
      <TodoScreen store={store} />
    </TodoStoreProvider>
  );
}

/** The filters from the URL, the list and its writes, put together. */
function TodoScreen({ store }: { store: TodoStore }) {
  const { filters, setFilters, focus, dismissFocus } = useTodoFilters();
  const { toasts, notify, dismiss, fail } = useToasts();
  const [announcement, setAnnouncement] = useState('');
  const list = useTodoList(store, filters, setFilters);
  const todos = useTodoMutations(store, list, filters, { notify, fail, announce: setAnnouncement });
  const focused = useFocusedTodo(focus, list);
  const [editing, setEditing] = useState<Todo | null>(null);
  const conflicts = useConflicts(store);

  const { items, page, loading, loadError, counts, categories, reload } = list;
  const reorderable = canReorder(filters) && !loading;
  const categoryNames = categories.map((c) => c.name);

  return (
    <>
      <div className="page-title">
        <h1>Todos</h1>
        {counts ? <TodoCounts counts={counts} /> : null}
        <TodoSaveStatus />
      </div>

      <TodoAddForm categories={categoryNames} onCreate={todos.create} />

      <TodoFocusPin focused={focused} onDismiss={dismissFocus} onToggle={todos.toggle} onEdit={setEditing} onDelete={todos.remove} />

      <TodoFilters filters={filters} onChange={setFilters} categories={categories} />

      <TodoBulkBar
        page={page}
        filters={filters}
        anyOpen={items.some((t) => !t.completed)}
        completedCount={counts?.completed ?? 0}
        onCompleteShown={todos.completeShown}
        onClearCompleted={todos.clearCompleted}
      />

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
        <TodoListView
          items={items}
          loading={loading}
          reorderable={reorderable}
          onToggle={todos.toggle}
          onEdit={setEditing}
          onDelete={todos.remove}
          onMove={todos.move}
          focus={focus}
        />
      )}

      <TodoPagination filters={filters} totalPages={page?.totalPages ?? 0} onChange={setFilters} />

      <TodoEditDialog
        todo={editing}
        categories={categoryNames}
        update={todos.update}
        latest={todos.latest}
        onClose={() => {
          if (editing) store.resolveConflict(editing.id);
          setEditing(null);
        }}
        onGone={() => {
          setEditing(null);
          notify('That todo was deleted elsewhere.', { tone: 'error' });
          reload();
        }}
      />

      {/* an edit that met another device's change after it was sent from the queue */}
      <TodoConflictDialog conflict={editing ? null : (conflicts[0] ?? null)} onKeepMine={todos.keepMine} onTakeTheirs={todos.takeTheirs} />

      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      <Toasts toasts={toasts} dismiss={dismiss} />
    </>
  );
}

function TodoCounts({ counts }: { counts: Counts }) {
  return (
    <p className="counts" aria-live="polite" data-testid="counts">
      <span>{counts.active} active</span>
      <span>{counts.completed} completed</span>
      <span>{counts.active + counts.completed} total</span>
    </p>
  );
}
