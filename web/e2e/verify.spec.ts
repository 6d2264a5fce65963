import { expect, test } from '@playwright/test';
import { expectAccessible, screenshot, signIn, signUp, submitSignUp, uniqueEmail, verificationLink, waitForMail } from './support';

const PASSWORD = 'verify-test-passphrase';

test('sign up, sign-in before verifying offers a new link, only the newest link signs in', async ({ page, browser }, testInfo) => {
  const desktop = testInfo.project.name === 'desktop';
  const email = uniqueEmail('verify', testInfo);

  await submitSignUp(page, email, PASSWORD, 'Vera Verify');
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page, 'check your inbox');
  if (desktop) await screenshot(page, testInfo, 'check-inbox');
  const first = await verificationLink(email);

  // the right password before the address is verified: no session, a way to get a new link
  await page.goto('/sign-in');
  await signIn(page, email, PASSWORD);
  await expect(page.getByText('Verify your email first')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expectAccessible(page, 'sign-in (not verified)');
  if (desktop) await screenshot(page, testInfo, 'sign-in-unverified');
  await page.getByRole('button', { name: 'Resend verification email' }).click();
  await expect(page.getByText(/a new link is on its way/)).toBeVisible();
  let second = first;
  await expect
    .poll(async () => (second = await verificationLink(email)), { timeout: 60_000, message: 'a second verification mail' })
    .not.toBe(first);

  // the resend superseded the first link
  await page.goto(first);
  await expect(page.getByRole('heading', { name: 'Link expired or already used' })).toBeVisible();
  await expect(page).toHaveURL(/\/verify-email$/);
  await expectAccessible(page, 'verify-email (spent link)');
  if (desktop) await screenshot(page, testInfo, 'verify-email-expired');

  // the newest link signs in and opens the todos; it works once
  await page.goto(second);
  await expect(page).toHaveURL(/\/todos/);
  await expect(page.getByRole('heading', { name: 'Todos' })).toBeVisible();

  // and the password works from now on, on another device
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const tab = await other.newPage();
  await tab.goto(second);
  await expect(tab.getByRole('heading', { name: 'Link expired or already used' })).toBeVisible();
  await tab.goto('/sign-in');
  await signIn(tab, email, PASSWORD);
  await expect(tab).toHaveURL(/\/todos/);
  await other.close();
});

test('signing up again with an address that has an account: the owner is told, nothing changes', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('owner', testInfo);
  await signUp(page, email, PASSWORD, 'Olive Owner');

  const stranger = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const tab = await stranger.newPage();
  await submitSignUp(tab, email, 'a-strangers-passphrase', 'Mallory');
  const notice = await waitForMail(email, /^Someone tried to create an account with your address$/);
  expect(notice.text).toContain('nothing was changed');
  expect(notice.text).not.toContain('verify-email?token=');

  await tab.goto('/sign-in');
  await signIn(tab, email, 'a-strangers-passphrase');
  await expect(tab.getByText('Email or password is incorrect.')).toBeVisible();
  await tab.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab).toHaveURL(/\/todos/);
  await stranger.close();
});

test('changing the email address: pending until the link to the new address is opened', async ({ page, browser }, testInfo) => {
  const desktop = testInfo.project.name === 'desktop';
  const oldEmail = uniqueEmail('mover', testInfo);
  const newEmail = uniqueEmail('moved', testInfo);
  await signUp(page, oldEmail, PASSWORD, 'Max Mover');

  await page.getByRole('link', { name: 'Account' }).click();
  const section = page.getByRole('region', { name: 'Email address' });
  await section.getByLabel('New email address').fill(newEmail);
  await section.getByLabel('Password', { exact: true }).fill('not-the-password');
  await section.getByRole('button', { name: 'Change email address' }).click();
  await expect(section.getByText('That password is not correct.')).toBeVisible();
  await section.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await section.getByRole('button', { name: 'Change email address' }).click();
  await expect(section.getByText(/Waiting for confirmation/)).toContainText(newEmail);
  await expectAccessible(page, 'account (email change pending)');
  if (desktop) await screenshot(page, testInfo, 'account-email-pending');

  // the current address is told; until the link is used it still signs in
  const notice = await waitForMail(oldEmail, /^Your email address is about to change$/);
  expect(notice.text).toContain(newEmail);
  await page.reload();
  await expect(section.getByText(/Waiting for confirmation/)).toContainText(newEmail);

  await page.goto(await verificationLink(newEmail, /^Confirm your new email address$/));
  await expect(page).toHaveURL(/\/todos/);
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByText(`Signed in as ${newEmail}`, { exact: false })).toBeVisible();
  await expect(section.getByText(/Waiting for confirmation/)).toHaveCount(0);

  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const tab = await other.newPage();
  await tab.goto('/sign-in');
  await signIn(tab, oldEmail, PASSWORD);
  await expect(tab.getByText('Email or password is incorrect.')).toBeVisible();
  await tab.getByLabel('Email').fill(newEmail);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab).toHaveURL(/\/todos/);
  await other.close();
});
