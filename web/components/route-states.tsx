'use client';

import { useEffect } from 'react';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="center-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <p>{label}</p>
    </div>
  );
}

export function ErrorState({ error, reset, title = 'Something went wrong' }: { error: Error & { digest?: string }; reset: () => void; title?: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="center-state" role="alert">
      <h1>{title}</h1>
      <p>This page could not be shown. Try again; if it keeps happening, reload the page.</p>
      {error.digest ? <p className="hint">Reference: {error.digest}</p> : null}
      <button type="button" className="btn btn-primary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
