import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ForgotPasswordForm, FORGOT_CONFIRMATION } from './forgot-password-form';
import { RESEND_CONFIRMATION } from './resend-verification';
import { ResetPasswordForm } from './reset-password-form';
import { SignInForm } from './sign-in-form';
import { SignUpForm } from './sign-up-form';

const replace = vi.fn();
vi.mock('next/navigation', () => ({ useRouter: () => ({ replace, push: vi.fn() }) }));

const user = { id: 'u1', email: 'ada@example.com', emailVerified: true, pendingEmail: null, name: 'Ada', createdAt: '2026-01-01T00:00:00Z' };
const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  vi.stubGlobal('fetch', fetchMock);
  replace.mockReset();
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const calledPaths = () => fetchMock.mock.calls.map(([url]) => String(url));

describe('SignInForm', () => {
  it('validates before calling the server', async () => {
    render(<SignInForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText(/valid email address/i)).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows invalid credentials without saying which part was wrong', async () => {
    fetchMock.mockResolvedValueOnce(reply(401, { code: 'invalid_credentials' }));
    render(<SignInForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
  });

  it('shows the rate limit wait time', async () => {
    fetchMock.mockResolvedValueOnce(reply(429, { code: 'rate_limited' }, { 'Retry-After': '120' }));
    render(<SignInForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'whatever-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 2 minutes');
  });

  it('asks to verify the address first and offers a new link to the address typed', async () => {
    fetchMock.mockResolvedValueOnce(reply(403, { code: 'email_not_verified' })).mockResolvedValueOnce(reply(202, { message: 'sent' }));
    render(<SignInForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'right-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/Verify your email first/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));
    expect(await screen.findByText(RESEND_CONFIRMATION)).toBeInTheDocument();
    expect(calledPaths()).toEqual(['/api/session/login', '/api/auth/email/resend']);
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ email: 'ada@example.com' });
    expect(replace).not.toHaveBeenCalled();
  });

  it('goes back to the page the user was on', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { accessToken: 'a', expiresIn: 900, user }));
    render(<SignInForm next="/account" reason="expired" />);
    expect(screen.getByText(/session has ended/i)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'right-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/account'));
  });
});

describe('SignUpForm', () => {
  it('gives password strength feedback with the API rules', async () => {
    render(<SignUpForm />);
    await userEvent.type(screen.getByLabelText('Password'), 'abc');
    expect(screen.getByText('Strength: Too weak')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Password'), 'defghijkl-MNOP-42');
    expect(screen.getByText('Strength: Strong')).toBeInTheDocument();
  });

  it('maps server field errors (weak_password) onto the form', async () => {
    fetchMock.mockResolvedValueOnce(reply(422, { code: 'weak_password', errors: [{ field: 'password', message: 'is too common' }] }));
    render(<SignUpForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'monkey-banana');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('is too common')).toBeInTheDocument();
  });

  it('registers, then asks to check the inbox: no sign-in before the address is verified', async () => {
    fetchMock.mockResolvedValueOnce(reply(202, { message: 'Check your inbox' }));
    render(<SignUpForm />);
    await userEvent.type(screen.getByLabelText('Name (optional)'), 'Ada');
    await userEvent.type(screen.getByLabelText('Email'), ' ada@example.com ');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-enough-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    expect(calledPaths()).toEqual(['/api/auth/register']);
    expect(replace).not.toHaveBeenCalled();
  });

  it('resends the link from "check your inbox", and says how long to wait when asked too often', async () => {
    fetchMock
      .mockResolvedValueOnce(reply(202, { message: 'Check your inbox' }))
      .mockResolvedValueOnce(reply(202, { message: 'sent' }))
      .mockResolvedValueOnce(reply(429, { code: 'rate_limited' }, { 'Retry-After': '600' }));
    render(<SignUpForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'ada@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-enough-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Resend verification email' }));
    expect(await screen.findByText(RESEND_CONFIRMATION)).toBeInTheDocument();
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ email: 'ada@example.com' });
    await userEvent.click(screen.getByRole('button', { name: 'Resend verification email' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 10 minutes');
    expect(calledPaths()).toEqual(['/api/auth/register', '/api/auth/email/resend', '/api/auth/email/resend']);
  });

  it('starts over with an empty form for a wrong address', async () => {
    fetchMock.mockResolvedValueOnce(reply(202, { message: 'Check your inbox' }));
    render(<SignUpForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'typo@example.con');
    await userEvent.type(screen.getByLabelText('Password'), 'a-long-enough-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Wrong address? Start over' }));
    expect(screen.getByRole('button', { name: 'Create account' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });
});

describe('what was typed before the script ran', () => {
  // the browser fills the server-rendered fields without React seeing an event
  const typeUnseen = (label: string, value: string) => {
    (screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement).value = value;
  };

  it('is what sign-in submits', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { accessToken: 'a', expiresIn: 900, user }));
    render(<SignInForm />);
    typeUnseen('Email', 'ada@example.com');
    typeUnseen('Password', 'early-typed-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/todos'));
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ email: 'ada@example.com', password: 'early-typed-pass' });
  });

  it('is what sign-up and forgot-password submit', async () => {
    fetchMock.mockResolvedValueOnce(reply(202, { message: 'Check your inbox' }));
    const { unmount } = render(<SignUpForm />);
    typeUnseen('Name (optional)', 'Ada');
    typeUnseen('Email', 'ada@example.com');
    typeUnseen('Password', 'a-long-enough-pass');
    await userEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByRole('heading', { name: 'Check your inbox' })).toBeInTheDocument();
    expect(JSON.parse(String(fetchMock.mock.calls[0]![1]?.body))).toEqual({ email: 'ada@example.com', password: 'a-long-enough-pass', name: 'Ada' });
    unmount();

    fetchMock.mockResolvedValueOnce(reply(202, { message: 'ok' }));
    render(<ForgotPasswordForm />);
    typeUnseen('Email', 'ada@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText(FORGOT_CONFIRMATION)).toBeInTheDocument();
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ email: 'ada@example.com' });
  });
});

describe('ForgotPasswordForm', () => {
  it('always shows the same neutral confirmation', async () => {
    fetchMock.mockResolvedValueOnce(reply(202, { message: 'ok' }));
    render(<ForgotPasswordForm />);
    await userEvent.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
    expect(await screen.findByText(FORGOT_CONFIRMATION)).toBeInTheDocument();
  });
});

describe('ResetPasswordForm', () => {
  it('verifies the token first and offers a new link when it is spent', async () => {
    fetchMock.mockResolvedValueOnce(reply(400, { code: 'invalid_reset_token' }));
    render(<ResetPasswordForm token="abc" />);
    expect(await screen.findByRole('heading', { name: 'Link expired or already used' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Send a new link' })).toHaveAttribute('href', '/forgot-password?expired=1');
    expect(calledPaths()).toEqual(['/api/auth/password/reset/verify']);
  });

  it('sets the new password and sends the user to sign in', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { valid: true, expiresAt: '2026-01-01T01:00:00Z' })).mockResolvedValueOnce(reply(204));
    render(<ResetPasswordForm token="abc" />);
    await userEvent.type(await screen.findByLabelText('New password'), 'brand-new-secret');
    await userEvent.type(screen.getByLabelText('Confirm new password'), 'brand-new-secreT');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('Confirm new password'));
    await userEvent.type(screen.getByLabelText('Confirm new password'), 'brand-new-secret');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/sign-in?reason=password-reset'));
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ token: 'abc', newPassword: 'brand-new-secret' });
  });

  it('takes the token out of the address bar once it has read it, and still uses it', async () => {
    window.history.replaceState(null, '', '/reset-password?token=secret-reset-token');
    fetchMock.mockResolvedValueOnce(reply(200, { valid: true, expiresAt: '2026-01-01T01:00:00Z' })).mockResolvedValueOnce(reply(204));
    render(<ResetPasswordForm token="secret-reset-token" />);
    await waitFor(() => expect(window.location.href).not.toContain('secret-reset-token'));
    expect(window.location.pathname).toBe('/reset-password');
    expect(window.location.search).toBe('');
    await userEvent.type(await screen.findByLabelText('New password'), 'brand-new-secret');
    await userEvent.type(screen.getByLabelText('Confirm new password'), 'brand-new-secret');
    await userEvent.click(screen.getByRole('button', { name: 'Set new password' }));
    await waitFor(() => expect(replace).toHaveBeenCalledWith('/sign-in?reason=password-reset'));
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]?.body))).toEqual({ token: 'secret-reset-token', newPassword: 'brand-new-secret' });
  });

  it('checks the link again on "Try again" without reloading (the URL no longer has the token)', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('offline')).mockResolvedValueOnce(reply(200, { valid: true, expiresAt: '2026-01-01T01:00:00Z' }));
    render(<ResetPasswordForm token="abc" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    expect(await screen.findByLabelText('New password')).toBeInTheDocument();
    expect(calledPaths()).toEqual(['/api/auth/password/reset/verify', '/api/auth/password/reset/verify']);
  });

  it('shows the expired state without a token at all', () => {
    render(<ResetPasswordForm token={null} />);
    expect(screen.getByRole('heading', { name: 'Link expired or already used' })).toBeInTheDocument();
  });
});
