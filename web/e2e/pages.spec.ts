import { expect, test } from '@playwright/test';
import { addTodo, expectAccessible, screenshot, signUp, uniqueEmail } from './support';

test('public pages are accessible in both themes', async ({ page }) => {
  for (const path of ['/sign-in', '/sign-up', '/forgot-password', '/forgot-password?expired=1', '/reset-password?token=not-a-real-token', '/verify-email?token=not-a-real-token']) {
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
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  // scripts only with this response's nonce: no 'unsafe-inline' for scripts
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain('unsafe-inline');
  const again = (await request.get('/sign-in')).headers()['content-security-policy'];
  expect(again).not.toBe(csp); // a fresh nonce per response
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
  // the nonce-only script policy must not block anything the app itself runs
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refused.push(message.text());
  });
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
  // set before first paint by the inline theme script, which runs only with the page's nonce
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(refused).toEqual([]);
});
