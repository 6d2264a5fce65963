import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Mail = { to: string[]; envelopeTo: string[]; subject: string; text: string; html: string; from: string };

/**
 * An address no other test of this run uses. Every run starts on an empty database (the runner gives
 * the backend a fresh folder), so names stay stable and the screenshots do not change between runs;
 * E2E_RANDOM_EMAILS=1 adds a random part for a backend that keeps its data.
 */
export function uniqueEmail(tag: string, testInfo: TestInfo): string {
  const random = process.env.E2E_RANDOM_EMAILS === '1' ? `.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}` : '';
  return `${tag}.${testInfo.project.name}${random}@example.test`;
}

/** Waits for a message to `address` in the folder the runner's SMTP server writes to. */
export async function waitForMail(address: string, subject: RegExp, timeoutMs = 60_000): Promise<Mail> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (run through e2e/run.mjs)');
  const deadline = Date.now() + timeoutMs;
  const wanted = address.toLowerCase();
  while (Date.now() < deadline) {
    const mails = readdirSync(dir)
      .sort()
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Mail)
      .filter((m) => (m.envelopeTo.includes(wanted) || m.to.includes(wanted)) && subject.test(m.subject));
    const last = mails.at(-1);
    if (last) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no mail "${subject}" to ${address} within ${timeoutMs / 1000}s`);
}

/** axe-core scan: zero serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(report, `accessibility violations on ${name}`).toEqual([]);
}

const screenshotDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** Saves a screenshot of the current screen for the README (docs/screenshots/<project>-<name>.png). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${testInfo.project.name}-${name}.png`), fullPage: false, animations: 'disabled' });
}

/** The /verify-email link of the newest mail to `address` with this subject (plain-text part). */
export async function verificationLink(address: string, subject = /^Confirm your email address$/): Promise<string> {
  const mail = await waitForMail(address, subject);
  const link = mail.text.match(/https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_\-%.~]+/)?.[0];
  expect(link, 'verification link in the plain-text part').toBeTruthy();
  expect(mail.html).toContain('verify-email?token=');
  return link!;
}

/** Fills and sends the sign-up form; the page then asks to check the inbox. */
export async function submitSignUp(page: Page, email: string, password: string, name = 'Ada Lovelace'): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible();
}

/** Signs up and opens the emailed link, as a person would: it signs them in and opens the todos. */
export async function signUp(page: Page, email: string, password: string, name = 'Ada Lovelace'): Promise<void> {
  await submitSignUp(page, email, password, name);
  await page.goto(await verificationLink(email));
  await expect(page).toHaveURL(/\/todos/);
  await expect(page.getByRole('heading', { name: 'Todos' })).toBeVisible();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function addTodo(page: Page, title: string): Promise<void> {
  const input = page.getByLabel('New todo');
  await input.fill(title);
  await input.press('Enter');
  await expect(page.getByTestId('todo-item').filter({ hasText: title })).toBeVisible();
  await expect(input).toHaveValue('');
}

export function titles(page: Page) {
  return page.getByTestId('todo-item').locator('.todo-title');
}

/**
 * Drags `handle` onto `target` with a finger: real touch events through the Chrome DevTools
 * protocol (the browser turns them into pointer events, as on a phone).
 */
export async function dragByTouch(page: Page, handle: Locator, target: Locator) {
  await handle.scrollIntoViewIfNeeded();
  // after a reload the browser restores the scroll position a moment later: wait until it settles
  let from = await handle.boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await handle.boundingBox();
    if (now && from && now.y === from.y) break;
    from = now;
  }
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag handle or target is not on screen');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: start.x, y: to.y + to.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
  for (let step = 1; step <= 8; step++) {
    const y = start.y + ((end.y - start.y) * step) / 8;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: start.x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}
