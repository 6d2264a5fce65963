/**
 * The API's shapes, derived from the generated OpenAPI types (lib/api-schema.ts, `npm run gen:api`)
 * so they cannot drift from the service. Only what the OpenAPI does not state yet is refined here.
 */
import type { components, paths } from './api-schema';

type Schemas = components['schemas'];

/**
 * An answer as the service sends it: every property is present. `MayBeNull` names the fields the
 * service sends as null although its OpenAPI does not mark them nullable yet (issue 11 item 8);
 * they must be real property names, and once the schema says so the list is simply redundant.
 */
type Answer<T, MayBeNull extends keyof T = never> = {
  [K in keyof T]-?: K extends MayBeNull ? Exclude<T[K], undefined> | null : Exclude<T[K], undefined>;
};

/** The writable todo fields as the OpenAPI describes them (all optional: PATCH sends any subset). */
type TodoFields = Schemas['TodoFields'];

export type Priority = NonNullable<TodoFields['priority']>;

export type User = Answer<Schemas['UserResponse'], 'name'>;

export type Tokens = Omit<Answer<Schemas['TokensResponse']>, 'user'> & { user: User };

/** What the session route handlers give the browser: never the refresh token. */
export type BrowserSession = Pick<Tokens, 'accessToken' | 'expiresIn' | 'user'>;

export type Todo = Omit<Answer<Schemas['TodoResponse'], 'description' | 'category' | 'completedAt' | 'dueAt'>, 'priority'> & {
  // the answer's priority is one of the writable ones (the response schema says only "string")
  priority: Priority;
};

export type TodoCreate = Omit<TodoFields, 'completed'> & { title: string };

export type TodoPatch = TodoFields;

export type TodoPage = Omit<Answer<Schemas['TodoPageResponse']>, 'items'> & { items: Todo[] };

export type Category = Answer<Schemas['CategoryResponse']>;

export type SortField = 'position' | 'createdAt' | 'updatedAt' | 'dueAt' | 'priority' | 'title';

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
