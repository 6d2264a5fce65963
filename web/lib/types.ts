import type { Priority } from './validation';

export type User = { id: string; email: string; name: string | null; createdAt: string };

export type Tokens = {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
  user: User;
};

/** What the session route handlers give the browser: never the refresh token. */
export type BrowserSession = { accessToken: string; expiresIn: number; user: User };

export type Todo = {
  id: string;
  title: string;
  description: string | null;
  completed: boolean;
  completedAt: string | null;
  priority: Priority;
  category: string | null;
  tags: string[];
  dueAt: string | null;
  position: number;
  createdAt: string;
  updatedAt: string;
  version: number;
};

export type TodoCreate = {
  title: string;
  description?: string | null;
  priority?: Priority;
  category?: string | null;
  tags?: string[];
  dueAt?: string | null;
};

export type TodoPatch = Partial<TodoCreate> & { completed?: boolean };

export type Page<T> = { items: T[]; page: number; size: number; totalItems: number; totalPages: number };

export type SortField = 'position' | 'createdAt' | 'updatedAt' | 'dueAt' | 'priority' | 'title';

export type TodoQuery = {
  status?: 'all' | 'active' | 'completed';
  priority?: Priority[];
  category?: string;
  tag?: string;
  q?: string;
  dueBefore?: string;
  dueAfter?: string;
  sort?: SortField;
  order?: 'asc' | 'desc';
  page?: number;
  size?: number;
};

export type Category = { name: string; count: number };
