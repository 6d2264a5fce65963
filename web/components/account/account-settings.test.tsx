import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '@/components/session-provider';
import { accessToken, setSession } from '@/lib/session-client';
import { AccountSettings } from './account-settings';

const replace = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace, push: vi.fn() }), usePathname: () => '/account' }));

const user = {
  id: 'u1', email: 'ada@example.com', emailVerified: true, pendingEmail: null as string | null, name: 'Ada', createdAt: '2026-01-01T00:00:00Z',
  timeZone: 'Europe/Berlin', emailReminders: true, dailyDigest: false,
};
const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
  });

type Route = (path: string, init: RequestInit) => Response | undefined;
let route: Route;
const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
  const path = new URL(String(input), 'http://x').pathname;
  return route(path, init) ?? (path === '/api/auth/me' ? reply(200, user) : reply(404, { code: 'not_found' }));
});

beforeEach(() => {
  route = () => undefined;
  replace.mockReset();
  vi.stubGlobal('fetch', fetchMock);
  setSession({ accessToken: 'tok', expiresIn: 900, user });
});
afterEach(() => {
  fetchMock.mockClear();
  vi.unstubAllGlobals();
});

const renderPage = () =>
  render(
    <SessionProvider>
      <AccountSettings />
    </SessionProvider>,
  );

describe('AccountSettings', () => {
  it('shows who is signed in and saves the name', async () => {
    route = (path, init) => (path === '/api/auth/me' && init.method === 'PATCH' ? reply(200, { ...user, name: 'Grace' }) : undefined);
    renderPage();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    const name = screen.getByLabelText('Name');
    await userEvent.clear(name);
    await userEvent.type(name, 'Grace');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Your name has been saved.')).toBeInTheDocument();
  });

  it('says when the current password is wrong, and keeps the new session on success', async () => {
    let attempt = 0;
    route = (path) => {
      if (path !== '/api/session/password') return undefined;
      attempt += 1;
      return attempt === 1
        ? reply(403, { code: 'invalid_credentials' })
        : reply(200, { accessToken: 'tok-2', expiresIn: 900, user });
    };
    renderPage();
    await userEvent.type(screen.getByLabelText('Current password'), 'not-it-at-all');
    await userEvent.type(screen.getByLabelText('New password'), 'a-brand-new-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('Your current password is not correct.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Current password'));
    await userEvent.type(screen.getByLabelText('Current password'), 'the-right-one!');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText(/Password changed/)).toBeInTheDocument();
    expect(accessToken()).toBe('tok-2');
  });

  it('asks for the password to change the address, then shows the address waiting for its link', async () => {
    let changes = 0;
    route = (path, init) => {
      if (path === '/api/auth/email/change') {
        changes += 1;
        return JSON.parse(String(init.body)).password === 'right-password' ? reply(202, { message: 'sent' }) : reply(403, { code: 'invalid_credentials' });
      }
      if (path === '/api/auth/me' && changes > 0) return reply(200, { ...user, pendingEmail: 'grace@example.com' });
      return undefined;
    };
    renderPage();
    const form = screen.getByRole('region', { name: 'Email address' });
    await userEvent.click(within(form).getByRole('button', { name: 'Change email address' }));
    expect(within(form).getByText('Enter your email address.')).toBeInTheDocument();
    expect(changes).toBe(0);
    await userEvent.type(within(form).getByLabelText('New email address'), 'grace@example.com');
    await userEvent.type(within(form).getByLabelText('Password'), 'wrong-password');
    await userEvent.click(within(form).getByRole('button', { name: 'Change email address' }));
    expect(await within(form).findByText('That password is not correct.')).toBeInTheDocument();
    expect(within(form).queryByText(/Waiting for confirmation/)).toBeNull();
    await userEvent.clear(within(form).getByLabelText('Password'));
    await userEvent.type(within(form).getByLabelText('Password'), 'right-password');
    await userEvent.click(within(form).getByRole('button', { name: 'Change email address' }));
    expect(await within(form).findByText(/Waiting for confirmation/)).toHaveTextContent('grace@example.com');
    // the signed-in address is still the old one until the link is opened
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
  });

  it('deletes the account only with the password, then leaves for sign-in', async () => {
    route = (path, init) => {
      if (path === '/api/auth/me' && init.method === 'DELETE') {
        return JSON.parse(String(init.body)).password === 'right-password' ? reply(204) : reply(403, { code: 'invalid_credentials' });
      }
      if (path === '/api/session/logout') return reply(204);
      return undefined;
    };
    renderPage();
    await userEvent.click(screen.getByRole('button', { name: 'Delete account…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete your account?', hidden: true });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete my account', hidden: true }));
    expect(within(dialog).getByText('Enter your password to confirm.')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('Password'), 'wrong-password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete my account', hidden: true }));
    expect(await within(dialog).findByText('That password is not correct.')).toBeInTheDocument();
    await userEvent.clear(within(dialog).getByLabelText('Password'));
    await userEvent.type(within(dialog).getByLabelText('Password'), 'right-password');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete my account', hidden: true }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/sign-in?reason=deleted'));
  });
});
