import { AppHeader } from '@/components/app-header';
import { SessionProvider } from '@/components/session-provider';

/** Everything in (app) needs a session: the proxy checks the cookie, the provider renews the token. */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <SessionProvider>
      <AppHeader />
      <main id="main" className="container">
        {children}
      </main>
    </SessionProvider>
  );
}
