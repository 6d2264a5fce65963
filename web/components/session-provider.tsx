'use client';

import { usePathname, useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { browserApi, setSessionEndedHandler } from '@/lib/browser-api';
import { signInUrl, type SignInReason } from '@/lib/navigation';
import { currentSession, dropSession, onSessionChange, onSignOutElsewhere, refreshSession, secondsLeft } from '@/lib/session-client';
import { timeZoneToAdopt } from '@/lib/time-zone';
import type { User } from '@/lib/types';
import { LoadingState } from './route-states';

type SessionContextValue = {
  user: User;
  setUser: (user: User) => void;
  /** leaves the app for sign-in with a message, remembering the current page */
  endSession: (reason: SignInReason, keepPage?: boolean) => void;
};

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [user, setUser] = useState<User | null>(() => (secondsLeft() > 30 ? (currentSession()?.user ?? null) : null));
  const [failed, setFailed] = useState<string | null>(null);

  const endSession = useCallback(
    (reason: SignInReason, keepPage = true) => {
      const here = `${window.location.pathname}${window.location.search}`;
      router.replace(signInUrl(reason, keepPage ? here : undefined));
    },
    [router],
  );

  // the session cannot be renewed, or the API refuses it even renewed: sign out here for good (the
  // cookie too, so the next visit does not spin on it) and say so on the sign-in page, once
  const ending = useRef(false);
  const sessionEnded = useCallback(() => {
    if (ending.current) return;
    ending.current = true;
    void dropSession().finally(() => endSession('expired'));
  }, [endSession]);

  useEffect(() => {
    setSessionEndedHandler(sessionEnded);
    const off = onSessionChange((session) => {
      if (session) setUser(session.user);
    });
    return () => {
      setSessionEndedHandler(null);
      off();
    };
  }, [sessionEnded]);

  // coming back to a tab: check the session still exists (sign-out everywhere, password reset)
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && currentSession()) browserApi().me().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);

  // signing out in one tab signs out the others of this browser at once
  useEffect(() => onSignOutElsewhere(() => endSession('signed-out', false)), [endSession]);

  useEffect(() => {
    if (user) return;
    let live = true;
    refreshSession()
      .then((session) => {
        if (!live) return;
        if (session) setUser(session.user);
        else endSession('expired');
      })
      .catch(() => live && setFailed('Cannot reach the server. Check your connection and try again.'));
    return () => {
      live = false;
    };
  }, [user, endSession, pathname]);

  // first sign-in in this browser: the account takes the browser's time zone (lib/time-zone.ts)
  const userId = user?.id;
  const userZone = user?.timeZone;
  useEffect(() => {
    if (!userId || !userZone) return;
    const zone = timeZoneToAdopt(userId, userZone, window.localStorage);
    if (zone) browserApi().updateMe({ timeZone: zone }).then(setUser).catch(() => undefined);
  }, [userId, userZone]);

  const value = useMemo(() => (user ? { user, setUser, endSession } : null), [user, endSession]);

  if (failed) {
    return (
      <div className="center-state" role="alert">
        <p>{failed}</p>
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Retry
        </button>
      </div>
    );
  }
  if (!value) return <LoadingState label="Loading your account…" />;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
