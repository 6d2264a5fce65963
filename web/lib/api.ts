/** One typed client of the API contract (docs/api.md). Used in the browser and by route handlers. */
import { ApiError, NetworkError, toApiError, UnauthorizedError, type Problem } from './errors';
import type { Accepted, Category, ProfileChanges, Todo, TodoCreate, TodoPage, TodoPatch, TodoQuery, Tokens, User } from './types';

export * from './errors';

type Fetch = typeof fetch;

export type ApiClientOptions = {
  baseUrl: string;
  /** current access token, if any */
  getAccessToken?: () => string | null;
  /** called once on a 401 of an authenticated call; resolves to a fresh token or null */
  refreshAccessToken?: () => Promise<string | null>;
  /**
   * called when an authenticated call is refused even with a freshly refreshed token: the session
   * still rotates but the API no longer accepts it, and retrying would only spin
   */
  onSessionRefused?: () => void;
  fetch?: Fetch;
};

type RequestOptions = {
  method?: string;
  body?: unknown;
  auth?: boolean;
  headers?: Record<string, string>;
  query?: URLSearchParams;
  write?: Write;
};

/**
 * How a todo write goes out: with the Idempotency-Key that its retries share (docs/api.md
 * "Idempotent writes"), and as a keepalive request so that it still reaches the service when the
 * page is closed or reloaded right after.
 */
export type Write = { idempotencyKey?: string; timeoutMs?: number };

/** A write that has had no answer for this long is given up and retried with the same key. */
export const WRITE_TIMEOUT_MS = 20_000;

export type WithVersion<T> = { data: T; etag: string | null };

export function buildTodoQuery(query: TodoQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status && query.status !== 'all') params.set('status', query.status);
  for (const p of query.priority ?? []) params.append('priority', p);
  if (query.category) params.set('category', query.category);
  if (query.tag) params.set('tag', query.tag);
  if (query.q?.trim()) params.set('q', query.q.trim());
  if (query.dueBefore) params.set('dueBefore', query.dueBefore);
  if (query.dueAfter) params.set('dueAfter', query.dueAfter);
  if (query.sort && query.sort !== 'position') params.set('sort', query.sort);
  if (query.order) params.set('order', query.order);
  if (query.page !== undefined && query.page > 0) params.set('page', String(query.page));
  if (query.size !== undefined) params.set('size', String(query.size));
  return params;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly opts: ApiClientOptions;

  constructor(opts: ApiClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.opts = opts;
  }

  private async send(path: string, options: RequestOptions, retried = false): Promise<Response> {
    const doFetch = this.opts.fetch ?? fetch;
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.auth) {
      const token = this.opts.getAccessToken?.();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    const write = options.write;
    if (write?.idempotencyKey) headers['Idempotency-Key'] = write.idempotencyKey;
    const qs = options.query?.toString();
    let response: Response;
    try {
      response = await doFetch(`${this.baseUrl}${path}${qs ? `?${qs}` : ''}`, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        cache: 'no-store',
        ...(write ? { keepalive: true, signal: AbortSignal.timeout(write.timeoutMs ?? WRITE_TIMEOUT_MS) } : {}),
      });
    } catch (cause) {
      throw new NetworkError(cause);
    }
    if (response.status === 401 && options.auth && this.opts.refreshAccessToken) {
      if (retried) this.opts.onSessionRefused?.();
      else {
        const fresh = await this.opts.refreshAccessToken();
        if (fresh) return this.send(path, options, true);
      }
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  private async json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(path, options);
    return (await response.json()) as T;
  }

  private async versioned<T>(path: string, options: RequestOptions = {}): Promise<WithVersion<T>> {
    const response = await this.send(path, options);
    return { data: (await response.json()) as T, etag: response.headers.get('ETag') };
  }

  private async empty(path: string, options: RequestOptions = {}): Promise<void> {
    await this.send(path, options);
  }

  // --- accounts
  /** 202 with the same answer for every address: a link goes out, or a notice to an existing owner. */
  register(body: { email: string; password: string; name?: string }): Promise<Accepted> {
    return this.json('/api/auth/register', { method: 'POST', body });
  }
  /** Verification and email-change links: both sign the holder in (used by the session route handler). */
  verifyEmail(token: string): Promise<Tokens> {
    return this.json('/api/auth/email/verify', { method: 'POST', body: { token } });
  }
  resendVerification(body: { email: string }): Promise<Accepted> {
    return this.json('/api/auth/email/resend', { method: 'POST', body });
  }
  changeEmail(body: { newEmail: string; password: string }): Promise<Accepted> {
    return this.json('/api/auth/email/change', { method: 'POST', body, auth: true });
  }
  login(body: { email: string; password: string }): Promise<Tokens> {
    return this.json('/api/auth/login', { method: 'POST', body });
  }
  refresh(refreshToken: string): Promise<Tokens> {
    return this.json('/api/auth/refresh', { method: 'POST', body: { refreshToken } });
  }
  logout(refreshToken: string): Promise<void> {
    return this.empty('/api/auth/logout', { method: 'POST', body: { refreshToken } });
  }
  logoutAll(): Promise<void> {
    return this.empty('/api/auth/logout-all', { method: 'POST', auth: true });
  }
  me(): Promise<User> {
    return this.json('/api/auth/me', { auth: true });
  }
  updateMe(body: ProfileChanges): Promise<User> {
    return this.json('/api/auth/me', { method: 'PATCH', body, auth: true });
  }
  deleteMe(body: { password: string }): Promise<void> {
    return this.empty('/api/auth/me', { method: 'DELETE', body, auth: true });
  }
  changePassword(body: { currentPassword: string; newPassword: string }): Promise<Tokens> {
    return this.json('/api/auth/password/change', { method: 'POST', body, auth: true });
  }
  forgotPassword(body: { email: string }): Promise<{ message: string }> {
    return this.json('/api/auth/password/forgot', { method: 'POST', body });
  }
  verifyResetToken(token: string): Promise<{ valid: true; expiresAt: string }> {
    return this.json('/api/auth/password/reset/verify', { method: 'POST', body: { token } });
  }
  resetPassword(body: { token: string; newPassword: string }): Promise<void> {
    return this.empty('/api/auth/password/reset', { method: 'POST', body });
  }

  // --- todos
  listTodos(query: TodoQuery = {}): Promise<TodoPage> {
    return this.json('/api/todos', { auth: true, query: buildTodoQuery(query) });
  }
  createTodo(body: TodoCreate, write?: Write): Promise<WithVersion<Todo>> {
    return this.versioned('/api/todos', { method: 'POST', body, auth: true, write });
  }
  getTodo(id: string): Promise<WithVersion<Todo>> {
    return this.versioned(`/api/todos/${encodeURIComponent(id)}`, { auth: true });
  }
  updateTodo(id: string, patch: TodoPatch, version?: number, write?: Write): Promise<WithVersion<Todo>> {
    const headers: Record<string, string> = version === undefined ? {} : { 'If-Match': `"${version}"` };
    return this.versioned(`/api/todos/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch, auth: true, headers, write });
  }
  deleteTodo(id: string, write?: Write): Promise<void> {
    return this.empty(`/api/todos/${encodeURIComponent(id)}`, { method: 'DELETE', auth: true, write });
  }
  toggleTodo(id: string, write?: Write): Promise<Todo> {
    return this.json(`/api/todos/${encodeURIComponent(id)}/toggle`, { method: 'POST', auth: true, write });
  }
  moveTodo(id: string, target: { beforeId: string } | { afterId: string }, write?: Write): Promise<Todo> {
    return this.json(`/api/todos/${encodeURIComponent(id)}/move`, { method: 'POST', body: target, auth: true, write });
  }
  bulk(action: 'complete' | 'uncomplete' | 'delete', ids: string[], write?: Write): Promise<{ affected: number }> {
    return this.json('/api/todos/bulk', { method: 'POST', body: { action, ids }, auth: true, write });
  }
  clearCompleted(write?: Write): Promise<{ deleted: number }> {
    return this.json('/api/todos', { method: 'DELETE', auth: true, query: new URLSearchParams({ status: 'completed' }), write });
  }
  categories(): Promise<Category[]> {
    return this.json('/api/todos/categories', { auth: true });
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (body && typeof body === 'object') problem = body as Problem;
    } catch {
      // a broken body still maps by status
    }
  }
  return toApiError(response.status, problem, response.headers);
}

export function isUnauthorized(error: unknown): error is UnauthorizedError {
  return error instanceof UnauthorizedError;
}
