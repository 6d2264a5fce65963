'use client';

import { useEffect } from 'react';
import { FormAlert } from '@/components/ui/field';

/**
 * Takes an emailed link's token out of the address bar once the page holds it in memory, so it
 * stays out of the history, screen shares and anything that reads the URL later.
 */
export function useForgetTokenInUrl(): void {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has('token')) return;
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }, []);
}

/** The link could not be checked (network, busy service): try it again without a reload, the URL no longer has it. */
export function LinkCheckFailed({ title, message, onRetry }: { title: string; message: string | null; onRetry: () => void }) {
  return (
    <div>
      <h1>{title}</h1>
      <FormAlert message={message} />
      <button type="button" className="btn btn-block" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
