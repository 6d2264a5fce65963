import { expect, test, type Page } from '@playwright/test';
import { uniqueEmail, verificationLink } from './support';

/**
 * A person who types into the server-rendered form before the page's script has loaded (a slow
 * phone, a cold server): the script is held back until the typing is done, and what was typed is
 * what gets submitted.
 */
async function openWithScriptsHeld(page: Page, path: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/.*\.js(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path, { waitUntil: 'commit' });
  await expect(page.locator('form')).toBeVisible();
  expect(await hydrated(page), 'the form is still the server-rendered HTML').toBe(false);
  return async () => {
    release();
    await expect.poll(() => hydrated(page), { message: 'the page hydrates once its script loads' }).toBe(true);
  };
}

/** React marks the DOM nodes it has taken over. */
function hydrated(page: Page): Promise<boolean> {
  return page.locator('form').evaluate((form) => Object.keys(form).some((key) => key.startsWith('__react')));
}

test('sign-up, sign-in and forgot-password keep what was typed before the script loaded', async ({ browser }, testInfo) => {
  const email = uniqueEmail('early', testInfo);
  const password = 'early-typing-passphrase';

  const signUpPage = await (await browser.newContext()).newPage();
  let loadScripts = await openWithScriptsHeld(signUpPage, '/sign-up');
  await signUpPage.getByLabel('Name (optional)').fill('Early Bird');
  await signUpPage.getByLabel('Email').fill(email);
  await signUpPage.getByLabel('Password', { exact: true }).fill(password);
  await loadScripts();
  await expect(signUpPage.getByLabel('Email')).toHaveValue(email);
  await signUpPage.getByRole('button', { name: 'Create account' }).click();
  await expect(signUpPage.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
  await expect(signUpPage.getByText(email)).toBeVisible();
  await signUpPage.goto(await verificationLink(email));
  await expect(signUpPage).toHaveURL(/\/todos/);
  await signUpPage.context().close();

  const signInPage = await (await browser.newContext()).newPage();
  loadScripts = await openWithScriptsHeld(signInPage, '/sign-in');
  await signInPage.getByLabel('Email').fill(email);
  await signInPage.getByLabel('Password', { exact: true }).fill(password);
  await loadScripts();
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect(signInPage).toHaveURL(/\/todos/);
  await expect(signInPage.getByRole('heading', { name: 'Todos' })).toBeVisible();
  await signInPage.context().close();

  const forgotPage = await (await browser.newContext()).newPage();
  loadScripts = await openWithScriptsHeld(forgotPage, '/forgot-password');
  await forgotPage.getByLabel('Email').fill(email);
  await loadScripts();
  await forgotPage.getByRole('button', { name: 'Send reset link' }).click();
  await expect(forgotPage.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await forgotPage.context().close();
});
