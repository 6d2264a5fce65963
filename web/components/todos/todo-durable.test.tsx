import { onlineManager } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '@/lib/session-client';
import type { Todo } from '@/lib/types';
import { TodoApp } from './todo-app';
import { forgetTodoStores, todoStoreFor } from './todo-store';

vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace: vi.fn(), push: vi.fn() }),
  usePathname: () => '/todos',
  useSearchParams: () => new URLSearchParams(),
}));

function todo(id: string, extra: Partial<Todo> = {}): Todo {
  return {
    id, title: `Task ${id}`, description: null, completed: false, completedAt: null, priority: 'none', category: null,
    tags: [], dueAt: null, remindAt: null, recurrence: null, nextOccurrence: null, position: 0, createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z', version: 1, ...extra,
  };
}

const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });

type Write = { method: string; path: string; key: string | null; ifMatch: string | null; body: unknown };

/** A small in-memory todo service that, like the real one, answers a repeated Idempotency-Key with its first answer. */
let items: Todo[];
let writes: Write[];
let answered: Map<string, Response>;
let before: ((write: Write) => Response | undefined | Promise<Response | undefined>) | null;
let seq: number;
/** while set, list reads wait for it: what shows then came from a write's answer, not a refetch */
let readsHeld: Promise<void> | null;

async function server(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input), 'http://api.test');
  const method = init.method ?? 'GET';
  if (method === 'GET') {
    await readsHeld;
    if (url.pathname === '/api/todos/categories') return json(200, []);
    const status = url.searchParams.get('status');
    const shown = items.filter((t) => !status || (status === 'active' ? !t.completed : t.completed));
    return json(200, { items: shown, page: 0, size: 20, totalItems: shown.length, totalPages: 1 });
  }
  const headers = new Headers(init.headers);
  const write: Write = {
    method, path: url.pathname, key: headers.get('Idempotency-Key'), ifMatch: headers.get('If-Match'),
    body: init.body ? JSON.parse(String(init.body)) : undefined,
  };
  writes.push(write);
  const early = await before?.(write);
  if (early) return early;
  if (write.key && answered.has(write.key)) return answered.get(write.key)!.clone();
  const response = apply(write);
  if (write.key) answered.set(write.key, response.clone());
  return response;
}

function apply({ method, path, body, ifMatch }: Write): Response {
  if (path === '/api/todos' && method === 'POST') {
    const created = todo(`n${++seq}`, { ...(body as Partial<Todo>), version: 0 });
    items = [...items, created];
    return json(201, created);
  }
  const [, id, action] = path.match(/^\/api\/todos\/([^/]+)(?:\/(\w+))?$/) ?? [];
  const current = items.find((t) => t.id === id);
  if (!current) return json(404, { code: 'not_found' });
  if (method === 'DELETE') {
    items = items.filter((t) => t.id !== id);
    return json(204);
  }
  if (ifMatch && ifMatch !== `"${current.version}"`) return json(412, { code: 'version_conflict' });
  const changed =
    action === 'toggle' ? { ...current, completed: !current.completed } : { ...current, ...(body as Partial<Todo>) };
  const saved = { ...changed, version: current.version + 1 };
  items = items.map((t) => (t.id === id ? saved : t));
  if (action === 'toggle' && saved.completed && saved.recurrence) {
    // as the service does: completing a repeating todo creates its next occurrence (a day later here)
    const next = { ...saved, id: `n${++seq}`, completed: false, version: 0, dueAt: new Date(Date.parse(saved.dueAt!) + 86_400_000).toISOString() };
    items = [...items, next];
    return json(200, { ...saved, nextOccurrence: next });
  }
  return json(200, saved);
}

const user = {
  id: 'u1', email: 'ada@example.com', name: 'Ada', createdAt: '2026-01-01T00:00:00Z', emailVerified: true, pendingEmail: null,
  timeZone: 'Europe/Berlin', emailReminders: true, dailyDigest: false,
};
const status = () => screen.getByTestId('save-status');

beforeEach(() => {
  forgetTodoStores();
  localStorage.clear();
  items = [todo('1'), todo('2')];
  writes = [];
  answered = new Map();
  before = null;
  seq = 0;
  readsHeld = null;
  vi.stubGlobal('fetch', vi.fn(server));
  setSession({ accessToken: 'tok', expiresIn: 900, user });
  onlineManager.setOnline(true);
});
afterEach(() => {
  vi.useRealTimers(); // a test that held timers and failed midway leaves none held for the next
  onlineManager.setOnline(true);
  vi.unstubAllGlobals();
});

describe('durable writes', () => {
  it('sends every write with its own Idempotency-Key and says when all is saved', async () => {
    render(<TodoApp />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    await userEvent.type(screen.getByLabelText('New todo'), 'Buy milk{Enter}');
    await waitFor(() => expect(writes).toHaveLength(2));
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'));
    const keys = writes.map((w) => w.key);
    expect(keys.every((k) => k && /^[0-9a-f-]{36}$/.test(k))).toBe(true);
    expect(new Set(keys).size).toBe(2);
  });

  it('shows a toggle in the task of the click: the box never flicks back to its old state', async () => {
    render(<TodoApp />);
    const box = await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' });
    // with timers held, only what the click itself renders (and its microtasks) can tick the box
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      await act(async () => box.click());
      expect(box).toBeChecked();
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'));
    expect(items.find((t) => t.id === '1')!.completed).toBe(true);
  });

  it('sends a write again with the same key after a network error, and it is done once', async () => {
    let failures = 1;
    before = () => (failures-- > 0 ? Promise.reject(new TypeError('Failed to fetch')) : undefined);
    render(<TodoApp />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    await waitFor(() => expect(writes).toHaveLength(2), { timeout: 10_000 });
    expect(writes[0]!.key).toBe(writes[1]!.key);
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'));
    expect(items.find((t) => t.id === '1')!.completed).toBe(true);
  });

  it('honours Retry-After on a 503 before sending again', async () => {
    let failures = 1;
    before = () => (failures-- > 0 ? json(503, { code: 'service_unavailable' }, { 'Retry-After': '1' }) : undefined);
    render(<TodoApp />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    expect(await screen.findByText('Saving…')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 700));
    expect(writes).toHaveLength(1);
    await waitFor(() => expect(writes).toHaveLength(2), { timeout: 10_000 });
    expect(writes[1]!.key).toBe(writes[0]!.key);
  });

  it('queues writes while offline, shows how many, and sends each once when back online', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    act(() => onlineManager.setOnline(false));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    await userEvent.type(screen.getByLabelText('New todo'), 'Offline idea{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Move “Task 2” up' }));
    expect(status()).toHaveTextContent('Offline — 3 changes will sync');
    expect(screen.getByRole('checkbox', { name: 'Mark “Task 1” as not done' })).toBeChecked();
    expect(screen.getAllByTestId('todo-item').map((r) => r.querySelector('.todo-title')!.textContent)).toEqual(['Task 2', 'Task 1', 'Offline idea']);
    expect(writes).toHaveLength(0);

    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'), { timeout: 10_000 });
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /api/todos/1/toggle', 'POST /api/todos', 'POST /api/todos/2/move']);
    expect(items.map((t) => t.title)).toContain('Offline idea');
  });

  it('sends a write cut short by a reload again on the next load, with the same key: done once', async () => {
    // the service does the first toggle, but the page goes away before the answer arrives
    before = (w) => {
      if (writes.length > 1) return undefined;
      answered.set(w.key!, apply(w));
      return new Promise<Response>(() => undefined);
    };
    const first = render(<TodoApp />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    await waitFor(() => expect(writes).toHaveLength(1));
    todoStoreFor('u1').flush(); // pagehide
    first.unmount();
    forgetTodoStores();

    render(<TodoApp />);
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatchObject({ method: 'POST', path: '/api/todos/1/toggle', key: writes[0]!.key });
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'));
    expect(screen.getByRole('checkbox', { name: 'Mark “Task 1” as not done' })).toBeChecked();
    expect(items.find((t) => t.id === '1')!.completed).toBe(true);
  });

  it('sends a write queued offline before a reload on the next load', async () => {
    const first = render(<TodoApp />);
    await screen.findByText('Task 1');
    act(() => onlineManager.setOnline(false));
    await userEvent.type(screen.getByLabelText('New todo'), 'Written offline{Enter}');
    todoStoreFor('u1').flush();
    first.unmount();
    forgetTodoStores();
    act(() => onlineManager.setOnline(true));

    render(<TodoApp />);
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'));
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /api/todos']);
    expect(await screen.findByText('Written offline')).toBeInTheDocument();
  });

  it('lets an action on a todo still being created wait for it, then uses its real id', async () => {
    let releaseCreate: () => void = () => undefined;
    before = (w) => (w.path === '/api/todos' && w.method === 'POST' ? new Promise<undefined>((r) => (releaseCreate = () => r(undefined))) : undefined);
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.type(screen.getByLabelText('New todo'), 'Fresh{Enter}');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Fresh” as done' }));
    await userEvent.click(screen.getByRole('button', { name: 'Edit “Fresh”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit todo', hidden: true });
    await userEvent.clear(within(dialog).getByLabelText('Title'));
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Fresh and edited');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    expect(writes).toHaveLength(1);
    releaseCreate();
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'), { timeout: 10_000 });
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(['POST /api/todos', 'POST /api/todos/n1/toggle', 'PATCH /api/todos/n1']);
    expect(items.find((t) => t.id === 'n1')).toMatchObject({ title: 'Fresh and edited', completed: true });
  });

  it('asks "keep mine or take theirs" when an edit made offline meets a change from another device', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    act(() => onlineManager.setOnline(false));
    await userEvent.click(screen.getByRole('button', { name: 'Edit “Task 1”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit todo', hidden: true });
    await userEvent.clear(within(dialog).getByLabelText('Title'));
    await userEvent.type(within(dialog).getByLabelText('Title'), 'Mine');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    expect(await screen.findByText('Mine')).toBeInTheDocument();
    // meanwhile, another device renames it
    items = items.map((t) => (t.id === '1' ? { ...t, title: 'Theirs', version: 2 } : t));

    act(() => onlineManager.setOnline(true));
    const prompt = await screen.findByRole('dialog', { name: 'Changed on another device', hidden: true });
    expect(items.find((t) => t.id === '1')!.title).toBe('Theirs');
    await userEvent.click(within(prompt).getByRole('button', { name: 'Keep mine', hidden: true }));
    await waitFor(() => expect(items.find((t) => t.id === '1')!.title).toBe('Mine'));
    expect(writes.map((w) => w.ifMatch)).toEqual(['"1"', null]);
  });
  it('shows the next occurrence of a repeating todo from the answer to its completion, made once though the first answer was lost', async () => {
    items = [todo('1', { dueAt: '2030-01-07T09:00:00Z', recurrence: { freq: 'daily', interval: 1 } }), todo('2')];
    let lost = 1;
    before = (w) => {
      if (lost-- <= 0) return undefined;
      answered.set(w.key!, apply(w)); // done by the service, the answer lost on the way back
      return Promise.reject(new TypeError('Failed to fetch'));
    };
    render(<TodoApp />);
    await screen.findByText('Task 1');
    let releaseReads: () => void = () => undefined;
    readsHeld = new Promise((r) => (releaseReads = r));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    await waitFor(() => expect(screen.getAllByText('Task 1')).toHaveLength(2), { timeout: 10_000 });
    const rows = screen.getAllByTestId('todo-item');
    expect(rows.map((r) => r.querySelector('.todo-title')!.textContent)).toEqual(['Task 1', 'Task 2', 'Task 1']);
    expect(within(rows[0]!).getByRole('checkbox')).toBeChecked();
    expect(within(rows[2]!).getByRole('checkbox')).not.toBeChecked();
    expect(within(rows[2]!).getByTestId('recurrence-icon')).toHaveTextContent('Every day');
    expect(writes.map((w) => `${w.path} ${w.key}`)).toEqual(Array(2).fill(`/api/todos/1/toggle ${writes[0]!.key}`));
    expect(items.filter((t) => t.title === 'Task 1')).toHaveLength(2);
    releaseReads();
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'));
    expect(screen.getAllByText('Task 1')).toHaveLength(2);
  });

  it('shows a reminder and a repeat set offline at once, and sends them once when back online', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    act(() => onlineManager.setOnline(false));
    await userEvent.type(screen.getByLabelText('New todo'), 'Standup');
    await userEvent.click(screen.getByRole('button', { name: 'Add details' }));
    await userEvent.click(screen.getByRole('button', { name: 'Tomorrow morning' }));
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2030-01-07' } });
    await userEvent.selectOptions(screen.getByLabelText('Repeat'), 'daily');
    await userEvent.type(screen.getByLabelText('New todo'), '{Enter}');
    const row = (await screen.findByText('Standup')).closest('li')!;
    expect(within(row).getByTestId('reminder-icon')).toHaveTextContent('Reminder:');
    expect(within(row).getByTestId('recurrence-icon')).toHaveTextContent('Every day');
    expect(writes).toHaveLength(0);

    act(() => onlineManager.setOnline(true));
    await waitFor(() => expect(status()).toHaveTextContent('All changes saved'), { timeout: 10_000 });
    expect(writes).toHaveLength(1);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 0, 0, 0);
    expect(writes[0]!.body).toMatchObject({ title: 'Standup', remindAt: tomorrow.toISOString(), recurrence: { freq: 'daily', interval: 1 } });
    expect(items.find((t) => t.title === 'Standup')).toMatchObject({ remindAt: tomorrow.toISOString(), recurrence: { freq: 'daily', interval: 1 } });
  });
});
