/**
 * The API's shapes, derived from the generated OpenAPI types (lib/api-schema.ts, `npm run gen:api`)
 * so they cannot drift from the service (nullable fields, enums and required answer fields included).
 */
import type { components, paths } from './api-schema';

type Schemas = components['schemas'];

/** The writable todo fields as the OpenAPI describes them (all optional: PATCH sends any subset). */
type TodoFields = Schemas['TodoFields'];

export type Priority = NonNullable<TodoFields['priority']>;

export type User = Schemas['UserResponse'];

/** PATCH /api/auth/me: a field left out stays as it is. */
export type ProfileChanges = Partial<Schemas['UpdateProfileRequest']>;

export type Tokens = Schemas['TokensResponse'];

/** The answer of register, resend and email change: the same whatever the address. */
export type Accepted = Schemas['AcceptedResponse'];

/** What the session route handlers give the browser: never the refresh token. */
export type BrowserSession = Pick<Tokens, 'accessToken' | 'expiresIn' | 'user'>;

export type Todo = Schemas['TodoResponse'];

export type TodoCreate = Omit<TodoFields, 'completed'> & { title: string };

export type TodoPatch = TodoFields;

export type TodoPage = Schemas['TodoPageResponse'];

export type Category = Schemas['CategoryResponse'];

export type SortField = NonNullable<ListTodosParameters['sort']>;

/** The list query in the UI's terms (numbers, unions); its names are the operation's parameters. */
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

type ListTodosParameters = NonNullable<paths['/api/todos']['get']['parameters']['query']>;
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
/** Fails the typecheck unless T is true: for "these two lists agree" checks. */
export type Assert<T extends true> = T;
// fails the typecheck when the service adds, renames or drops a list parameter
export type _TodoQueryMatchesTheApi = Assert<SameKeys<TodoQuery, ListTodosParameters>>;
