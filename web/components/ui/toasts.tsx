'use client';

export type Toast = { id: number; message: string; action?: { label: string; run: () => void }; tone?: 'error' | 'info' };

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast" data-tone={t.tone ?? 'info'}>
          <span>{t.message}</span>
          <span style={{ display: 'flex', gap: '0.25rem' }}>
            {t.action ? (
              <button
                type="button"
                className="btn btn-sm"
                onClick={() => {
                  t.action?.run();
                  dismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            ) : null}
            <button type="button" className="btn btn-sm btn-icon" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
              ✕
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
