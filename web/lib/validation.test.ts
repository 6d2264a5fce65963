import { describe, expect, it } from 'vitest';
import { normalizeTags, passwordStrength, validateEmail, validatePassword, validateTodo } from './validation';

describe('validateEmail', () => {
  it('accepts a valid address with surrounding spaces (trimmed like the API)', () => {
    expect(validateEmail('  ada@example.com ')).toBeNull();
  });
  it('rejects empty, malformed and too long addresses', () => {
    expect(validateEmail('   ')).toMatch(/enter your email/i);
    expect(validateEmail('ada@')).toMatch(/valid email/i);
    expect(validateEmail('ada example.com')).toMatch(/valid email/i);
    expect(validateEmail('a@b')).toMatch(/valid email/i);
    expect(validateEmail(`${'a'.repeat(250)}@x.io`)).toMatch(/254/);
  });
});

describe('validatePassword', () => {
  it('enforces 8 to 128 characters without composition rules', () => {
    expect(validatePassword('short')).toMatch(/at least 8/);
    expect(validatePassword('a'.repeat(129))).toMatch(/at most 128/);
    expect(validatePassword('correct horse battery')).toBeNull();
    expect(validatePassword('alllowercaseletters')).toBeNull();
  });
  it('rejects common passwords', () => {
    expect(validatePassword('Password123')).toMatch(/too common/);
  });
});

describe('passwordStrength', () => {
  it('grows with length and variety', () => {
    expect(passwordStrength('').score).toBe(0);
    expect(passwordStrength('abc').label).toBe('Too weak');
    expect(passwordStrength('abcdefgh').label).toBe('Fair');
    expect(passwordStrength('abcdefghijkl').label).toBe('Good');
    expect(passwordStrength('Abcdefgh-1234567').label).toBe('Strong');
  });
});

describe('validateTodo', () => {
  it('requires a trimmed title of at most 255 characters', () => {
    expect(validateTodo({ title: '   ' }).title).toMatch(/enter a title/i);
    expect(validateTodo({ title: 'x'.repeat(256) }).title).toMatch(/255/);
    expect(validateTodo({ title: `  ${'x'.repeat(255)}  ` })).toEqual({});
  });
  it('checks description, category, priority and tags like the API', () => {
    const errors = validateTodo({
      title: 'ok',
      description: 'd'.repeat(5001),
      category: 'c'.repeat(51),
      priority: 'urgent',
      tags: Array.from({ length: 21 }, (_, i) => `t${i}`),
    });
    expect(Object.keys(errors).sort()).toEqual(['category', 'description', 'priority', 'tags']);
    expect(validateTodo({ title: 'ok', tags: ['x'.repeat(31)] }).tags).toMatch(/30/);
    expect(validateTodo({ title: 'ok', tags: ['a', 'A'] }).tags).toMatch(/distinct/);
    expect(validateTodo({ title: 'ok', priority: 'high', tags: ['a', 'b'] })).toEqual({});
  });
});

describe('normalizeTags', () => {
  it('splits on commas, trims, drops empties and duplicates', () => {
    expect(normalizeTags(' home, errands ,,Home, work ')).toEqual(['home', 'errands', 'work']);
  });
});
