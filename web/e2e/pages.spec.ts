import { expect, test } from '@playwright/test';
import { addTodo, expectAccessible, screenshot, signUp, uniqueEmail } from './support';

test('public pages are accessible in both themes', async ({ page }) => {
  for (const path of ['/sign-in', '/sign-up', '/forgot-password', '/forgot-password?expired=1', '/reset-password?token=not-a-real-token']) {
    await page.goto(path);
    await expect(page.locator('main h1')).toBeVisible();
    await expectAccessible(page, `${path} (light)`);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/sign-in', '/sign-up']) {
    await page.goto(path);
    await expectAccessible(page, `${path} (dark)`);
  }
});

test('an unknown reset token shows the "send a new one" state', async ({ page }) => {
  await page.goto('/reset-password?token=bogus-token-value');
  await expect(page.getByRole('heading', { name: 'Link expired or already used' })).toBeVisible();
  await page.getByRole('link', { name: 'Send a new link' }).click();
  await expect(page.getByText('That reset link has expired or was already used.')).toBeVisible();
});

test('security headers are set on every page', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-powered-by']).toBeUndefined();
});

test('the refresh token never reaches page scripts', async ({ page, context }, testInfo) => {
  await signUp(page, uniqueEmail('cookie', testInfo), 'cookie-test-passphrase');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'todo_session');
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe('Lax');
  expect(await page.evaluate(() => document.cookie)).not.toContain('todo_session');
  expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toMatch(/ey[A-Za-z0-9_-]{10,}\./);
});

test('dark theme toggle and keyboard-only adding', async ({ page }, testInfo) => {
  await signUp(page, uniqueEmail('theme', testInfo), 'theme-test-passphrase');
  await addTodo(page, 'Water the plants');
  await page.getByLabel('New todo').fill('Renew passport');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('todo-item')).toHaveCount(2);
  const toggle = page.getByRole('button', { name: /theme/i });
  await toggle.click(); // system -> light
  await toggle.click(); // light -> dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expectAccessible(page, 'todos (dark)');
  await screenshot(page, testInfo, 'todos-dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});
