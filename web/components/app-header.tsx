'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { Brand } from './brand';
import { useSession } from './session-provider';
import { ThemeToggle } from './theme-toggle';
import { signOut } from '@/lib/session-client';

export function AppHeader() {
  const pathname = usePathname();
  const router = useRouter();
  const { user } = useSession();
  const [busy, setBusy] = useState(false);

  async function onSignOut() {
    setBusy(true);
    await signOut().catch(() => undefined);
    router.replace('/sign-in?reason=signed-out');
  }

  const link = (href: string, label: string) => (
    <Link href={href} aria-current={pathname.startsWith(href) ? 'page' : undefined}>
      {label}
    </Link>
  );

  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Brand href="/todos" />
        <nav className="nav" aria-label="Main">
          {link('/todos', 'Todos')}
          {link('/account', 'Account')}
          <ThemeToggle />
          <button type="button" className="btn btn-sm" onClick={onSignOut} disabled={busy} title={`Signed in as ${user.email}`}>
            Sign out
          </button>
        </nav>
      </div>
    </header>
  );
}
