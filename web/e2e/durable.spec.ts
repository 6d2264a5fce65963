import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addTodo, signIn, signUp, titles, uniqueEmail } from './support';

// No write the UI has shown is ever lost or done twice: reloads, a closed tab, offline (issue 13).
const PASSWORD = 'durable-secret-passphrase';
const ROUNDS = 20;

/** Leaving while writes are pending asks first (beforeunload): the person leaves anyway. */
function leaveWhenAsked(page: Page) {
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
}

const status = (page: Page) => page.getByTestId('save-status');

/** Renames a todo in its edit dialog and saves; the dialog, to wait for it closing. */
async function rename(page: Page, title: string, to: string) {
  await page.getByRole('button', { name: `Edit “${title}”` }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit todo' });
  await dialog.getByLabel('Title').fill(to);
  await dialog.getByRole('button', { name: 'Save' }).click();
  return dialog;
}

/** What the service has, seen from another browser that shares nothing with this one. */
async function onAnotherDevice(browser: Browser, testInfo: TestInfo, email: string) {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await page.goto('/todos');
  await signIn(page, email, PASSWORD);
  await expect(page.getByRole('heading', { name: 'Todos' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Todos' }).or(page.getByText('Nothing to do yet.'))).toBeVisible();
  return { page, close: () => context.close() };
}

type StoredTodo = { id: string; title: string; completed: boolean };

/** Every todo the service has for the person, in manual order, read straight from the API. */
async function storedTodos(request: APIRequestContext, email: string): Promise<StoredTodo[]> {
  const api = process.env.E2E_API_URL;
  const login = await request.post(`${api}/api/auth/login`, { data: { email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const list = await request.get(`${api}/api/todos?sort=position&order=asc&size=100`, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(list.status()).toBe(200);
  return ((await list.json()) as { items: StoredTodo[] }).items.map(({ id, title, completed }) => ({ id, title, completed }));
}

/**
 * The runner's embedded PostgreSQL (E2E_DB_DIR), stopped and started again as in an outage: stopped
 * with a signal (pg_ctl refuses to run as root), started with the binary and options in postmaster.opts.
 */
function postgres() {
  const dir = process.env.E2E_DB_DIR;
  if (!dir) throw new Error('E2E_DB_DIR is not set (run through e2e/run.mjs)');
  const pidFile = join(dir, 'postmaster.pid');
  const words = readFileSync(join(dir, 'postmaster.opts'), 'utf8').trim().match(/"[^"]*"|\S+/g) ?? [];
  const [binary, ...args] = words.map((w) => w.replace(/^"|"$/g, ''));
  // postmaster.pid: the pid on line 1, "ready" on line 8 once it accepts connections; gone when stopped
  const pidLines = () => (existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split('\n') : []);
  return {
    async stop() {
      const pid = Number(pidLines()[0]);
      expect(pid, 'PostgreSQL running').toBeGreaterThan(0);
      process.kill(pid, 'SIGINT'); // fast shutdown: sessions are cut, transactions rolled back
      await expect.poll(() => existsSync(pidFile), { message: 'PostgreSQL stopped', timeout: 30_000 }).toBe(false);
    },
    async start() {
      const log = openSync(join(dir, 'restarted.log'), 'a');
      // as root, in a user namespace of its own (PostgreSQL refuses root), as the backend's library starts it
      const [command, argv] = process.getuid?.() === 0 ? ['unshare', ['-U', binary!, ...args]] : [binary!, args];
      spawn(command, argv, { detached: true, stdio: ['ignore', log, log] }).unref();
      await expect.poll(() => pidLines()[7]?.trim(), { message: 'PostgreSQL accepting connections', timeout: 60_000 }).toBe('ready');
    },
  };
}

test('a toggle followed at once by a reload is kept, ×20', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('toggle-reload', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  await addTodo(page, 'Flip me');
  await expect(status(page)).toHaveText('All changes saved');

  for (let round = 1; round <= ROUNDS; round++) {
    const done = round % 2 === 1;
    await page.getByRole('checkbox', { name: `Mark “Flip me” as ${done ? 'done' : 'not done'}` }).click();
    await page.reload();
    await expect(page.getByRole('checkbox', { name: /Flip me/ }), `round ${round}`).toBeChecked({ checked: done });
  }
  await expect(status(page)).toHaveText('All changes saved');

  // 20 toggles: back to not done, on the service too
  const other = await onAnotherDevice(browser, testInfo, email);
  await expect(other.page.getByTestId('todo-item')).toHaveCount(1);
  await expect(other.page.getByRole('checkbox', { name: /Flip me/ })).not.toBeChecked();
  await other.close();
});

test('an add followed at once by a reload is kept once, ×20', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('add-reload', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);

  const expected: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const title = `Errand ${round}`;
    expected.push(title);
    const input = page.getByLabel('New todo');
    await input.fill(title);
    await input.press('Enter');
    await page.reload();
    await expect(titles(page).filter({ hasText: new RegExp(`^${title}$`) }), `round ${round}`).toHaveCount(1);
  }
  await expect(status(page)).toHaveText('All changes saved');
  await page.reload();
  await expect(titles(page)).toHaveText(expected);

  const other = await onAnotherDevice(browser, testInfo, email);
  await expect(titles(other.page)).toHaveText(expected);
  await other.close();
});

test('an edit saved just before the tab is closed is there when it is opened again', async ({ page, browser }, testInfo) => {
  const email = uniqueEmail('edit-close', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  await addTodo(page, 'Draft title');
  await rename(page, 'Draft title', 'Final title');
  await page.close({ runBeforeUnload: true });

  const reopened = await page.context().newPage();
  await reopened.goto('/todos');
  await expect(titles(reopened)).toHaveText(['Final title']);
  await expect(status(reopened)).toHaveText('All changes saved');

  const other = await onAnotherDevice(browser, testInfo, email);
  await expect(titles(other.page)).toHaveText(['Final title']);
  await other.close();
});

test('offline: add, edit, complete, reorder and delete; back online everything syncs once', async ({ page, context, browser, request }, testInfo) => {
  const email = uniqueEmail('offline', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  for (const title of ['Alpha', 'Beta', 'Gamma']) await addTodo(page, title);
  await expect(status(page)).toHaveText('All changes saved');

  await context.setOffline(true);
  await expect(status(page)).toHaveText('Offline — 0 changes will sync');
  await addTodo(page, 'Delta (offline)');
  const dialog = await rename(page, 'Beta', 'Beta, edited offline');
  await expect(dialog).toBeHidden();
  await page.getByRole('checkbox', { name: 'Mark “Alpha” as done' }).check();
  await page.getByRole('button', { name: 'Move “Gamma” up' }).click();
  await page.getByRole('button', { name: 'Delete “Delta (offline)”' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 10_000 });
  const shown = ['Alpha', 'Gamma', 'Beta, edited offline'];
  await expect(titles(page)).toHaveText(shown);
  await expect(status(page)).toHaveText('Offline — 5 changes will sync');

  await context.setOffline(false);
  await expect(status(page)).toHaveText('All changes saved', { timeout: 30_000 });
  await expect(titles(page)).toHaveText(shown);
  await page.reload();
  await expect(titles(page)).toHaveText(shown);
  await expect(page.getByRole('checkbox', { name: 'Mark “Alpha” as not done' })).toBeChecked();

  const other = await onAnotherDevice(browser, testInfo, email);
  await expect(titles(other.page)).toHaveText(shown);
  await expect(other.page.getByRole('checkbox', { name: 'Mark “Alpha” as not done' })).toBeChecked();
  await other.close();

  // once each: no second Alpha, Beta or Gamma, and the Delta created and deleted offline left no row
  const stored = await storedTodos(request, email);
  expect(stored.map((t) => [t.title, t.completed])).toEqual([['Alpha', true], ['Gamma', false], ['Beta, edited offline', false]]);
});

test('an offline edit that meets a change from another device asks: keep mine or take theirs', async ({ page, context, browser }, testInfo) => {
  const email = uniqueEmail('conflict', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  await addTodo(page, 'Shared');
  await addTodo(page, 'Also shared');
  await expect(status(page)).toHaveText('All changes saved');

  await context.setOffline(true);
  for (const [title, mine] of [['Shared', 'Mine'], ['Also shared', 'Mine too']] as const) {
    const dialog = await rename(page, title, mine);
    await expect(dialog).toBeHidden();
  }

  const other = await onAnotherDevice(browser, testInfo, email);
  for (const [title, theirs] of [['Shared', 'Theirs'], ['Also shared', 'Theirs too']] as const) {
    const dialog = await rename(other.page, title, theirs);
    await expect(dialog).toBeHidden();
  }

  await context.setOffline(false);
  const prompt = page.getByRole('dialog', { name: 'Changed on another device' });
  await expect(prompt).toContainText('“Shared” was changed elsewhere');
  await prompt.getByRole('button', { name: 'Keep mine' }).click();
  await expect(prompt).toContainText('“Also shared” was changed elsewhere');
  await prompt.getByRole('button', { name: 'Take theirs' }).click();
  await expect(prompt).toBeHidden();
  await expect(status(page)).toHaveText('All changes saved');
  await expect(titles(page)).toHaveText(['Mine', 'Theirs too']);

  await other.page.reload();
  await expect(titles(other.page)).toHaveText(['Mine', 'Theirs too']);
  await other.close();
});

test('actions on a todo still being created wait for its create: toggled, edited and deleted, each once', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('slow-create', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  await expect(page.getByText('Nothing to do yet.')).toBeVisible();
  // every create reaches the service 2 s late: the actions below are all made before it has answered
  await page.route(`${process.env.E2E_API_URL}/api/todos`, async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 2000));
    await route.fallback();
  });

  await addTodo(page, 'Fresh');
  await addTodo(page, 'Short-lived');
  await page.getByRole('checkbox', { name: 'Mark “Fresh” as done' }).check();
  await page.getByRole('button', { name: 'Delete “Short-lived”' }).click();
  const dialog = await rename(page, 'Fresh', 'Fresh, edited');
  // online, the dialog waits for the service's answer: after the creates and the toggle before it
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 10_000 });
  await expect(status(page)).toHaveText('All changes saved', { timeout: 30_000 });
  await expect(page.getByText(/not found/i)).toHaveCount(0);

  await page.reload();
  await expect(titles(page)).toHaveText(['Fresh, edited']);
  await expect(page.getByRole('checkbox', { name: 'Mark “Fresh, edited” as not done' })).toBeChecked();
  const stored = await storedTodos(request, email);
  expect(stored.map((t) => [t.title, t.completed])).toEqual([['Fresh, edited', true]]);
});

test('a 5 s PostgreSQL stop mid-session: the writes made during it are kept, each once', async ({ page, request }, testInfo) => {
  const email = uniqueEmail('db-outage', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  for (const title of ['Steady', 'Wobbly']) await addTodo(page, title);
  await expect(status(page)).toHaveText('All changes saved');

  // stopped for 5 s, or for as long as the writes below take on a slow machine
  const db = postgres();
  await db.stop();
  const restartAt = Date.now() + 5_000;
  try {
    await addTodo(page, 'Written during the outage');
    await page.getByRole('checkbox', { name: 'Mark “Steady” as done' }).check();
    await page.getByRole('button', { name: 'Move “Wobbly” up' }).click();
    await rename(page, 'Written during the outage', 'Edited during the outage');
    // the service answers 503 while its database is away: the UI keeps trying, and says so
    await expect(status(page)).toHaveText('Saving…');
    await page.waitForTimeout(Math.max(0, restartAt - Date.now()));
  } finally {
    await db.start();
  }

  await expect(page.getByRole('dialog', { name: 'Edit todo' })).toBeHidden({ timeout: 60_000 });
  await expect(status(page)).toHaveText('All changes saved', { timeout: 60_000 });
  const shown = ['Wobbly', 'Steady', 'Edited during the outage'];
  await expect(titles(page)).toHaveText(shown);
  await page.reload();
  await expect(titles(page)).toHaveText(shown);
  await expect(page.getByRole('checkbox', { name: 'Mark “Steady” as not done' })).toBeChecked();
  const stored = await storedTodos(request, email);
  expect(stored.map((t) => [t.title, t.completed])).toEqual([['Wobbly', false], ['Steady', true], ['Edited during the outage', false]]);
});
