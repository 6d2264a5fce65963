import type { FormEvent } from 'react';

/**
 * The text fields of a submitted form, read from the form itself: what a person typed before the
 * page's script loaded is there too (React state would have missed it).
 */
export function formFields(event: FormEvent<HTMLFormElement>): (name: string) => string {
  const data = new FormData(event.currentTarget);
  return (name) => {
    const value = data.get(name);
    return typeof value === 'string' ? value : '';
  };
}
