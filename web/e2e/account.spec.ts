import { expect, test } from '@playwright/test';
import { addTodo, expectAccessible, signIn, signUp, uniqueEmail } from './support';

test('account: rename, change password, sign out everywhere, delete', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('grace', testInfo);
  await signUp(page, email, 'account-first-passphrase');
  await addTodo(page, 'Something to lose');

  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByLabel('Name').fill('Grace Hopper');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByText('Your name has been saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Name')).toHaveValue('Grace Hopper');

  // another device, signed in before the password change
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const tab2 = await other.newPage();
  await tab2.goto('/sign-in');
  await signIn(tab2, email, 'account-first-passphrase');
  await expect(tab2.getByRole('heading', { name: 'Todos' })).toBeVisible();

  // wrong current password, then the right one; this tab stays signed in
  await page.getByLabel('Current password').fill('not-my-password');
  await page.getByLabel('New password', { exact: true }).fill('account-second-passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your current password is not correct.')).toBeVisible();
  await page.getByLabel('Current password').fill('account-first-passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Password changed.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible();

  // the other device was signed out by the change
  await tab2.reload();
  await expect(tab2).toHaveURL(/\/sign-in\?reason=expired/);
  await signIn(tab2, email, 'account-second-passphrase');
  await expect(tab2.getByRole('heading', { name: 'Todos' })).toBeVisible();

  // sign out everywhere ends both
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=signed-out-everywhere/);
  await expect(page.getByText('You have signed out on every device.')).toBeVisible();
  await tab2.getByRole('link', { name: 'Account' }).click();
  await expect(tab2).toHaveURL(/\/sign-in/);
  await other.close();

  // delete the account (password confirmation)
  await signIn(page, email, 'account-second-passphrase');
  await expect(page).toHaveURL(/\/todos/);
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Delete account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account?' });
  await expectAccessible(page, 'delete account dialog');
  await dialog.getByLabel('Password', { exact: true }).fill('wrong-password-here');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(dialog.getByText('That password is not correct.')).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill('account-second-passphrase');
  await dialog.getByRole('button', { name: 'Delete my account' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=deleted/);
  await signIn(page, email, 'account-second-passphrase');
  await expect(page.getByText('Email or password is incorrect.')).toBeVisible();
});

test('an ended session returns to sign-in with a message and the page', async ({ page, context }, testInfo) => {
  await signUp(page, uniqueEmail('expiry', testInfo), 'expiry-test-passphrase');
  await page.goto('/todos?status=active');
  await expect(page.getByText('No todos match these filters.')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // a stale refresh cookie, as after expiry or revocation elsewhere
  const cookie = (await context.cookies()).find((c) => c.name === 'todo_session')!;
  await context.addCookies([{ ...cookie, value: 'stale-token-value' }]);
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired&next=%2Ftodos%3Fstatus%3Dactive/);
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
});

test('a session the API refuses even after a refresh ends cleanly at sign-in instead of spinning', async ({ page, context }, testInfo) => {
  await signUp(page, uniqueEmail('refused', testInfo), 'refused-test-passphrase');
  await page.waitForLoadState('networkidle');
  const origin = new URL(page.url()).origin;
  // /api/session/refresh keeps rotating, but the API answers every list call with 401
  await page.route(`${process.env.E2E_API_URL}/api/todos**`, (route) =>
    route.request().method() === 'OPTIONS'
      ? route.fallback()
      : route.fulfill({
          status: 401,
          contentType: 'application/problem+json',
          headers: { 'Access-Control-Allow-Origin': origin },
          body: JSON.stringify({ status: 401, code: 'unauthorized', title: 'Unauthorized' }),
        }),
  );
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired&next=%2Ftodos/);
  await expect(page.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  // signed out for good: no cookie left that would bring the next visit back to the same spin
  expect((await context.cookies()).some((c) => c.name.endsWith('todo_session'))).toBe(false);
});
