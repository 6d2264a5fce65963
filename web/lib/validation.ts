/** The API's input rules (docs/api.md), so forms fail early and agree with the server. */
import type { Assert, Priority } from './types';

export const LIMITS = {
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 128,
  titleMax: 255,
  descriptionMax: 5000,
  categoryMax: 50,
  tagsMax: 20,
  tagMax: 30,
  nameMax: 100,
} as const;

// in the order the UI lists them; typed by the OpenAPI's enum, and every value of it is listed
export const PRIORITIES = ['none', 'low', 'medium', 'high'] as const satisfies readonly Priority[];
export type _EveryPriorityListed = Assert<[Priority] extends [(typeof PRIORITIES)[number]] ? true : false>;
export type { Priority };

export type FieldErrors = Record<string, string>;

// Pragmatic address check: one @, no spaces, a dot in the domain, no empty labels.
const EMAIL_RE = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function validateEmail(raw: string): string | null {
  const email = raw.trim();
  if (!email) return 'Enter your email address.';
  if (email.length > LIMITS.emailMax) return `Use at most ${LIMITS.emailMax} characters.`;
  if (!EMAIL_RE.test(email)) return 'Enter a valid email address, like name@example.com.';
  return null;
}

/** A small local list; the server has the full one and answers `weak_password`. */
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyuiop',
  'qwerty123', 'iloveyou', 'sunshine', 'football', 'baseball', 'welcome1', 'abc12345',
  '11111111', '00000000', 'letmein1', 'trustno1', 'passw0rd', 'superman', 'princess',
]);

export function isCommonPassword(password: string): boolean {
  return COMMON_PASSWORDS.has(password.toLowerCase());
}

export function validatePassword(password: string): string | null {
  if (!password) return 'Enter a password.';
  if (password.length < LIMITS.passwordMin) return `Use at least ${LIMITS.passwordMin} characters.`;
  if (password.length > LIMITS.passwordMax) return `Use at most ${LIMITS.passwordMax} characters.`;
  if (isCommonPassword(password)) return 'This password is too common. Choose another.';
  return null;
}

export type Strength = { score: 0 | 1 | 2 | 3 | 4; label: string };

/** Feedback only: the rules are length 8–128 and "not common", never composition. */
export function passwordStrength(password: string): Strength {
  if (!password) return { score: 0, label: '' };
  if (password.length < LIMITS.passwordMin || isCommonPassword(password)) return { score: 1, label: 'Too weak' };
  if (password.length > LIMITS.passwordMax) return { score: 1, label: 'Too long' };
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const points = (password.length >= 12 ? 1 : 0) + (password.length >= 16 ? 1 : 0) + (classes >= 3 ? 1 : 0);
  if (points >= 2) return { score: 4, label: 'Strong' };
  if (points === 1) return { score: 3, label: 'Good' };
  return { score: 2, label: 'Fair' };
}

export function validateName(raw: string): string | null {
  if (raw.trim().length > LIMITS.nameMax) return `Use at most ${LIMITS.nameMax} characters.`;
  return null;
}

export function normalizeTags(raw: string | string[]): string[] {
  const list = Array.isArray(raw) ? raw : raw.split(',');
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    const tag = item.trim();
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export type TodoInput = {
  title: string;
  description?: string;
  priority?: string;
  category?: string;
  tags?: string[];
};

export function validateTodo(input: TodoInput): FieldErrors {
  const errors: FieldErrors = {};
  const title = input.title.trim();
  if (!title) errors.title = 'Enter a title.';
  else if (title.length > LIMITS.titleMax) errors.title = `Use at most ${LIMITS.titleMax} characters.`;
  if ((input.description ?? '').length > LIMITS.descriptionMax) {
    errors.description = `Use at most ${LIMITS.descriptionMax} characters.`;
  }
  if (input.priority !== undefined && !(PRIORITIES as readonly string[]).includes(input.priority)) {
    errors.priority = 'Choose none, low, medium or high.';
  }
  if ((input.category ?? '').trim().length > LIMITS.categoryMax) {
    errors.category = `Use at most ${LIMITS.categoryMax} characters.`;
  }
  const tags = input.tags ?? [];
  if (tags.length > LIMITS.tagsMax) errors.tags = `Use at most ${LIMITS.tagsMax} tags.`;
  else if (tags.some((t) => t.length > LIMITS.tagMax)) errors.tags = `Each tag can have at most ${LIMITS.tagMax} characters.`;
  else if (new Set(tags.map((t) => t.toLowerCase())).size !== tags.length) errors.tags = 'Tags must be distinct.';
  return errors;
}
