import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '@/lib/session-client';
import type { Todo } from '@/lib/types';
import { TodoApp } from './todo-app';
import { forgetTodoStores } from './todo-store';

const replace = vi.fn();
let search = new URLSearchParams();
vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace, push: vi.fn() }),
  usePathname: () => '/todos',
  useSearchParams: () => search,
}));

function todo(id: string, extra: Partial<Todo> = {}): Todo {
  return {
    id, title: `Task ${id}`, description: null, completed: false, completedAt: null, priority: 'none', category: null,
    tags: [], dueAt: null, remindAt: null, recurrence: null, nextOccurrence: null, position: 0, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', version: 1, ...extra,
  };
}

type Handler = (url: URL, init: RequestInit) => Response | undefined;
const json = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
  });

let items: Todo[];
let override: Handler | null;
const calls: string[] = [];

function server(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const url = new URL(String(input), 'http://api.test');
  const method = init.method ?? 'GET';
  calls.push(`${method} ${url.pathname}${url.search}`);
  const custom = override?.(url, init);
  if (custom) return Promise.resolve(custom);
  if (url.pathname === '/api/todos/categories') return Promise.resolve(json(200, []));
  if (url.pathname === '/api/todos' && method === 'GET') {
    const status = url.searchParams.get('status');
    const shown = items.filter((t) => !status || (status === 'active' ? !t.completed : t.completed));
    return Promise.resolve(json(200, { items: shown, page: 0, size: 20, totalItems: shown.length, totalPages: 1 }));
  }
  if (url.pathname === '/api/todos' && method === 'POST') {
    const created = todo(`n${items.length + 1}`, JSON.parse(String(init.body)));
    items = [...items, created];
    return Promise.resolve(json(201, created));
  }
  const toggle = url.pathname.match(/^\/api\/todos\/([^/]+)\/toggle$/);
  if (toggle) {
    const t = items.find((x) => x.id === toggle[1])!;
    const saved = { ...t, completed: !t.completed, version: t.version + 1 };
    items = items.map((x) => (x.id === t.id ? saved : x));
    return Promise.resolve(json(200, saved));
  }
  const one = url.pathname.match(/^\/api\/todos\/([^/]+)$/);
  const found = one && items.find((x) => x.id === one[1]);
  if (found && method === 'GET') return Promise.resolve(json(200, found));
  if (one && method === 'DELETE') {
    items = items.filter((x) => x.id !== one[1]);
    return Promise.resolve(json(204));
  }
  return Promise.resolve(json(404, { code: 'not_found' }));
}

const user = {
  id: 'u1', email: 'ada@example.com', emailVerified: true, pendingEmail: null, name: 'Ada', createdAt: '2026-01-01T00:00:00Z',
  timeZone: 'Europe/Berlin', emailReminders: true, dailyDigest: false,
};

let replaceState: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  replaceState = vi.spyOn(window.history, 'replaceState');
  forgetTodoStores();
  localStorage.clear();
  items = [todo('1'), todo('2', { completed: true })];
  override = null;
  calls.length = 0;
  search = new URLSearchParams();
  vi.stubGlobal('fetch', vi.fn(server));
  setSession({ accessToken: 'tok', expiresIn: 900, user });
});
afterEach(() => {
  replaceState.mockRestore();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const rows = () => screen.getAllByTestId('todo-item');

describe('TodoApp', () => {
  it('lists todos with counts', async () => {
    render(<TodoApp />);
    expect(await screen.findByText('Task 1')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('counts')).toHaveTextContent('1 active1 completed2 total'));
  });

  it('shows an inviting empty state', async () => {
    items = [];
    render(<TodoApp />);
    expect(await screen.findByText('Nothing to do yet.')).toBeInTheDocument();
  });

  it('adds a todo with the title and Enter', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.type(screen.getByLabelText('New todo'), 'Buy milk{Enter}');
    await waitFor(() => expect(calls).toContain('POST /api/todos'));
    await waitFor(() => expect(rows()[rows().length - 1]).toHaveTextContent('Buy milk'));
    expect(screen.getByLabelText('New todo')).toHaveValue('');
  });

  it('refuses a blank title without calling the API', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.type(screen.getByLabelText('New todo'), '   {Enter}');
    expect(screen.getByText('Enter a title.')).toBeInTheDocument();
    expect(calls).not.toContain('POST /api/todos');
  });

  it('rolls back an optimistic toggle when the API fails', async () => {
    override = (url) => (url.pathname.endsWith('/toggle') ? json(500, { code: 'internal_error', requestId: 'r1' }) : undefined);
    render(<TodoApp />);
    const box = await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' });
    await userEvent.click(box);
    expect(await screen.findByText(/Something went wrong on our side/)).toBeInTheDocument();
    expect(box).not.toBeChecked();
  });

  it('takes a todo completed under "Active" out of the view, with undo', async () => {
    search = new URLSearchParams('status=active');
    render(<TodoApp />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Mark “Task 1” as done' }));
    expect(await screen.findByText('“Task 1” marked as done.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('todo-item')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Task 1')).toBeInTheDocument();
    expect(calls.filter((c) => c === 'POST /api/todos/1/toggle')).toHaveLength(2);
  });

  it('deletes with undo and only calls DELETE after the undo window', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.click(screen.getByRole('button', { name: 'Delete “Task 1”' }));
    expect(screen.queryByText('Task 1')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('Task 1')).toBeInTheDocument();
    expect(calls.some((c) => c.startsWith('DELETE'))).toBe(false);
  });

  it('shows a 412 as "changed elsewhere" with a reload', async () => {
    override = (url, init) => {
      if (init.method === 'PATCH') return json(412, { code: 'version_conflict' });
      if (url.pathname === '/api/todos/1' && (init.method ?? 'GET') === 'GET') return json(200, todo('1', { title: 'Changed remotely', version: 5 }));
      return undefined;
    };
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.click(screen.getByRole('button', { name: 'Edit “Task 1”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit todo', hidden: true });
    const title = within(dialog).getByLabelText('Title');
    await userEvent.clear(title);
    await userEvent.type(title, 'Mine');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    expect(await within(dialog).findByText(/changed elsewhere/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reload', hidden: true }));
    await waitFor(() => expect(within(dialog).getByLabelText('Title')).toHaveValue('Changed remotely'));
  });

  it('moves an item down with the keyboard alternative', async () => {
    override = (url) => (url.pathname.endsWith('/move') ? json(200, todo('1')) : undefined);
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.click(screen.getByRole('button', { name: 'Move “Task 1” down' }));
    await waitFor(() => expect(rows()[1]).toHaveTextContent('Task 1'));
    expect(calls).toContain('POST /api/todos/1/move');
  });

  it('reorders by dragging the grip with a finger', async () => {
    override = (url) => (url.pathname.endsWith('/move') ? json(200, todo('2', { completed: true })) : undefined);
    render(<TodoApp />);
    await screen.findByText('Task 2');
    const handle = screen.getAllByTestId('drag-handle')[1]!;
    // jsdom has no layout: the finger is over the first row
    document.elementFromPoint = () => rows()[0]!;
    const finger = { pointerType: 'touch', pointerId: 7, clientX: 10, clientY: 10 };
    fireEvent.pointerDown(handle, finger);
    fireEvent.pointerMove(handle, finger);
    fireEvent.pointerUp(handle, finger);
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Task 2'));
    expect(calls).toContain('POST /api/todos/2/move');
  });

  it('pages through long lists with the page in the URL', async () => {
    override = (url, init) =>
      url.pathname === '/api/todos' && (init.method ?? 'GET') === 'GET' && !url.searchParams.has('status')
        ? json(200, { items: [todo('1')], page: 0, size: 20, totalItems: 45, totalPages: 3 })
        : undefined;
    render(<TodoApp />);
    expect(await screen.findByText('Page 1 of 3')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '← Previous' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next →' }));
    expect(replaceState).toHaveBeenCalledWith(null, '', '/todos?page=1');
  });

  it('sends filters to the API and keeps them in the URL', async () => {
    search = new URLSearchParams('status=active&priority=high&sort=dueAt');
    render(<TodoApp />);
    await screen.findByText('Task 1');
    expect(calls).toContain('GET /api/todos?status=active&priority=high&sort=dueAt&order=asc&size=20');
    await userEvent.selectOptions(screen.getByLabelText('Category'), '');
    await userEvent.click(screen.getByRole('button', { name: 'Completed' }));
    expect(replaceState).toHaveBeenLastCalledWith(null, '', '/todos?status=completed&priority=high&sort=dueAt');
  });

  it('keeps both of two quick filter changes made before the URL caught up', async () => {
    // useSearchParams stays at the first URL here, as it does for a moment in the browser
    search = new URLSearchParams('status=active&priority=high');
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.selectOptions(screen.getByLabelText('Priority'), '');
    await userEvent.selectOptions(screen.getByLabelText('Sort'), 'title:asc');
    expect(replaceState).toHaveBeenLastCalledWith(null, '', '/todos?status=active&sort=title');
  });

  it('shows a load error with a retry', async () => {
    let fail = true;
    override = (url, init) => (fail && url.pathname === '/api/todos' && (init.method ?? 'GET') === 'GET' && !url.searchParams.has('status') ? json(503, {}) : undefined);
    render(<TodoApp />);
    expect(await screen.findByText(/The service is busy right now/)).toBeInTheDocument();
    fail = false;
    await act(async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    });
    expect(await screen.findByText('Task 1')).toBeInTheDocument();
  });

  it('opens a reminder email link: the todo is highlighted and scrolled to', async () => {
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    search = new URLSearchParams('focus=2');
    render(<TodoApp />);
    await screen.findByText('Task 2');
    const [first, second] = rows();
    expect(second).toHaveAttribute('data-focused', 'true');
    expect(first).not.toHaveAttribute('data-focused');
    expect(scrolled).toHaveBeenCalledTimes(1);
    // in the list: highlighted in place, not read again nor shown twice
    expect(rows()).toHaveLength(2);
    expect(screen.queryByRole('heading', { name: 'From your reminder' })).not.toBeInTheDocument();
    expect(calls).not.toContain('GET /api/todos/2');
  });

  describe('a reminder link to a todo the list shown does not hold', () => {
    const id = '0b6f3c1e-8a51-4f0e-9d0a-3c1f2b7e9a10';
    const pinned = () => screen.getByRole('region', { name: 'From your reminder' });

    it('reads a todo filtered out and pins it above the list; ticking it works', async () => {
      Element.prototype.scrollIntoView = vi.fn();
      items = [todo('1'), todo(id, { title: 'Call the dentist', completed: true })];
      search = new URLSearchParams(`status=active&focus=${id}`);
      render(<TodoApp />);
      expect(await screen.findByRole('heading', { name: 'From your reminder' })).toBeInTheDocument();
      const row = within(pinned()).getByTestId('todo-item');
      expect(row).toHaveTextContent('Call the dentist');
      expect(row).toHaveAttribute('data-focused', 'true');
      expect(calls).toContain(`GET /api/todos/${id}`);
      expect(within(screen.getByRole('list', { name: 'Todos' })).queryByText('Call the dentist')).not.toBeInTheDocument();

      await userEvent.click(within(pinned()).getByRole('checkbox', { name: 'Mark “Call the dentist” as not done' }));
      await waitFor(() => expect(calls).toContain(`POST /api/todos/${id}/toggle`));
      // active again, it belongs to the "Active" list: it shows there, highlighted, once
      await waitFor(() => expect(screen.queryByRole('region', { name: 'From your reminder' })).not.toBeInTheDocument());
      const inList = within(screen.getByRole('list', { name: 'Todos' })).getAllByTestId('todo-item');
      expect(inList.filter((r) => r.textContent?.includes('Call the dentist'))).toHaveLength(1);
      expect(screen.getByRole('checkbox', { name: 'Mark “Call the dentist” as done' })).not.toBeChecked();
      expect(screen.getByText('Call the dentist').closest('li')).toHaveAttribute('data-focused', 'true');
    });

    it('pins a todo on another page; ticking, deleting and dismissing it work', async () => {
      items = [todo('1'), todo(id, { title: 'Call the dentist' })];
      override = (url, init) =>
        url.pathname === '/api/todos' && (init.method ?? 'GET') === 'GET' && !url.searchParams.has('status')
          ? json(200, { items: [items[0]], page: 0, size: 20, totalItems: 45, totalPages: 3 })
          : undefined;
      search = new URLSearchParams(`focus=${id}`);
      render(<TodoApp />);
      const box = await within(await screen.findByRole('region', { name: 'From your reminder' })).findByRole('checkbox', {
        name: 'Mark “Call the dentist” as done',
      });
      await userEvent.click(box);
      await waitFor(() => expect(calls).toContain(`POST /api/todos/${id}/toggle`));
      await waitFor(() => expect(within(pinned()).getByRole('checkbox', { name: 'Mark “Call the dentist” as not done' })).toBeChecked());
      expect(items.find((t) => t.id === id)?.completed).toBe(true);

      await userEvent.click(within(pinned()).getByRole('button', { name: 'Delete “Call the dentist”' }));
      expect(screen.queryByRole('region', { name: 'From your reminder' })).not.toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Undo' }));
      expect(await screen.findByRole('region', { name: 'From your reminder' })).toBeInTheDocument();

      await userEvent.click(screen.getByRole('button', { name: 'Dismiss the todo from your reminder' }));
      expect(screen.queryByRole('region', { name: 'From your reminder' })).not.toBeInTheDocument();
      expect(replaceState).toHaveBeenLastCalledWith(null, '', '/todos');
      expect(screen.getByText('Task 1')).toBeInTheDocument();
    });

    it('keeps the link in the URL through filter changes until dismissed', async () => {
      items = [todo('1'), todo(id, { completed: true })];
      search = new URLSearchParams(`status=active&focus=${id}`);
      render(<TodoApp />);
      await screen.findByRole('heading', { name: 'From your reminder' });
      await userEvent.click(screen.getByRole('button', { name: 'Completed' }));
      expect(replaceState).toHaveBeenLastCalledWith(null, '', `/todos?status=completed&focus=${id}`);
    });

    it('says politely that a todo it cannot find no longer exists, and dismisses that', async () => {
      search = new URLSearchParams(`focus=${id}`);
      render(<TodoApp />);
      expect(await screen.findByText('That todo no longer exists.')).toBeInTheDocument();
      expect(calls).toContain(`GET /api/todos/${id}`);
      expect(screen.getByText('Task 1')).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Dismiss the todo from your reminder' }));
      expect(screen.queryByText('That todo no longer exists.')).not.toBeInTheDocument();
      expect(replaceState).toHaveBeenLastCalledWith(null, '', '/todos');
    });

    it('does not ask for a malformed id: the same notice', async () => {
      search = new URLSearchParams('focus=not-a-todo');
      render(<TodoApp />);
      await screen.findByText('Task 1');
      expect(await screen.findByText('That todo no longer exists.')).toBeInTheDocument();
      expect(calls.some((c) => c.startsWith('GET /api/todos/not-a-todo'))).toBe(false);
    });

    it('offers to try again when the todo could not be read', async () => {
      let busy = true;
      override = (url) => (busy && url.pathname === `/api/todos/${id}` ? json(503, {}) : undefined);
      items = [todo('1'), todo(id, { title: 'Call the dentist', completed: true })];
      search = new URLSearchParams(`status=active&focus=${id}`);
      render(<TodoApp />);
      expect(await screen.findByText(/could not be loaded/)).toBeInTheDocument();
      busy = false;
      await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(await within(await screen.findByRole('region', { name: 'From your reminder' })).findByText('Call the dentist')).toBeInTheDocument();
    });
  });

  it('shows reminder and repeat icons on an item', async () => {
    items = [todo('1', { remindAt: '2030-01-15T17:30:00Z', dueAt: '2030-01-15T18:00:00Z', recurrence: { freq: 'weekly', interval: 2, byWeekday: ['mo', 'we'] } })];
    render(<TodoApp />);
    await screen.findByText('Task 1');
    expect(screen.getByTestId('reminder-icon')).toHaveTextContent('Reminder:');
    expect(screen.getByTestId('recurrence-icon')).toHaveTextContent('Every 2 weeks on Mon, Wed');
  });

  it('adds a todo with a quick reminder and a weekly repeat', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.type(screen.getByLabelText('New todo'), 'Standup');
    await userEvent.click(screen.getByRole('button', { name: 'Add details' }));
    await userEvent.click(screen.getByRole('button', { name: 'Tomorrow morning' }));
    fireEvent.change(screen.getByLabelText('Due date'), { target: { value: '2030-01-07' } });
    await userEvent.selectOptions(screen.getByLabelText('Repeat'), 'weekly');
    await userEvent.click(screen.getByLabelText('Wed'));
    await userEvent.click(screen.getByLabelText('Mon'));
    let sent: Record<string, unknown> = {};
    override = (url, init) => {
      if (url.pathname === '/api/todos' && init.method === 'POST') sent = JSON.parse(String(init.body));
      return undefined;
    };
    await userEvent.type(screen.getByLabelText('New todo'), '{Enter}');
    await waitFor(() => expect(calls).toContain('POST /api/todos'));
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 0, 0, 0);
    expect(sent.remindAt).toBe(tomorrow.toISOString());
    expect(sent.recurrence).toEqual({ freq: 'weekly', interval: 1, byWeekday: ['mo', 'we'] });
  });

  it('refuses a repeating todo without a due date before sending', async () => {
    render(<TodoApp />);
    await screen.findByText('Task 1');
    await userEvent.type(screen.getByLabelText('New todo'), 'Gym');
    await userEvent.click(screen.getByRole('button', { name: 'Add details' }));
    await userEvent.selectOptions(screen.getByLabelText('Repeat'), 'daily');
    await userEvent.type(screen.getByLabelText('New todo'), '{Enter}');
    expect(await screen.findByText('A repeating todo needs a due date.')).toBeInTheDocument();
    expect(calls).not.toContain('POST /api/todos');
  });
});
