import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { accessToken, setSession } from '@/lib/session-client';
import { RESEND_CONFIRMATION } from './resend-verification';
import { VerifyEmail } from './verify-email';

const replace = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace, push: vi.fn() }) }));

const user = { id: 'u1', email: 'ada@example.com', emailVerified: true, pendingEmail: null, name: 'Ada', createdAt: '2026-01-01T00:00:00Z' };
const reply = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' },
  });

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  replace.mockReset();
  setSession(null);
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const calledPaths = () => fetchMock.mock.calls.map(([url]) => String(url));

describe('VerifyEmail', () => {
  it('opens the link once (even when React runs the effect twice), signs in and goes to the todos', async () => {
    window.history.replaceState(null, '', '/verify-email?token=secret-link-token');
    fetchMock.mockResolvedValueOnce(reply(200, { accessToken: 'access-9', expiresIn: 900, user }));
    render(
      <StrictMode>
        <VerifyEmail token="secret-link-token" />
      </StrictMode>,
    );
    expect(screen.getByText('Verifying your email address…')).toBeInTheDocument();
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/todos'));
    expect(calledPaths()).toEqual(['/api/session/verify-email']);
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ token: 'secret-link-token' });
    expect(accessToken()).toBe('access-9');
    expect(window.location.href).not.toContain('secret-link-token');
    expect(window.location.pathname).toBe('/verify-email');
  });

  it('offers a new link by address when the link is used or expired', async () => {
    fetchMock
      .mockResolvedValueOnce(reply(400, { code: 'invalid_verification_token' }))
      .mockResolvedValueOnce(reply(202, { message: 'sent' }));
    render(<VerifyEmail token="spent-token" />);
    expect(await screen.findByRole('heading', { name: 'Link expired or already used' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));
    expect(screen.getByText('Enter your email address.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));
    expect(await screen.findByText(RESEND_CONFIRMATION)).toBeInTheDocument();
    expect(calledPaths()).toEqual(['/api/session/verify-email', '/api/auth/email/resend']);
    expect(replace).not.toHaveBeenCalled();
  });

  it('shows the resend form without calling the API when the page has no token', () => {
    render(<VerifyEmail token={null} />);
    expect(screen.getByRole('heading', { name: 'Link expired or already used' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says the address did not change when another account took it meanwhile', async () => {
    fetchMock.mockResolvedValueOnce(reply(400, { code: 'email_taken' }));
    render(<VerifyEmail token="change-token" />);
    expect(await screen.findByRole('heading', { name: 'Address not changed' })).toBeInTheDocument();
    expect(screen.getByText(/Another account uses this address now/)).toBeInTheDocument();
  });

  it('tries the same link again after a network failure, without the token in the URL', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('offline')).mockResolvedValueOnce(reply(200, { accessToken: 'a', expiresIn: 900, user }));
    render(<VerifyEmail token="retry-token" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/todos'));
    expect(calledPaths()).toEqual(['/api/session/verify-email', '/api/session/verify-email']);
  });
});
