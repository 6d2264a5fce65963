import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { addTodo, signIn, signUp, titles, uniqueEmail } from './support';

// No write the UI has shown is ever lost or done twice: reloads, a closed tab, offline (issue 13).
const PASSWORD = 'durable-secret-passphrase';
const ROUNDS = 20;

/** Leaving while writes are pending asks first (beforeunload): the person leaves anyway. */
function leaveWhenAsked(page: Page) {
  page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()));
}

const status = (page: Page) => page.getByTestId('save-status');

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
  await page.getByRole('button', { name: 'Edit “Draft title”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit todo' });
  await dialog.getByLabel('Title').fill('Final title');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.close({ runBeforeUnload: true });

  const reopened = await page.context().newPage();
  await reopened.goto('/todos');
  await expect(titles(reopened)).toHaveText(['Final title']);
  await expect(status(reopened)).toHaveText('All changes saved');

  const other = await onAnotherDevice(browser, testInfo, email);
  await expect(titles(other.page)).toHaveText(['Final title']);
  await other.close();
});

test('offline: add, edit, complete, reorder and delete; back online everything syncs once', async ({ page, context, browser }, testInfo) => {
  const email = uniqueEmail('offline', testInfo);
  leaveWhenAsked(page);
  await signUp(page, email, PASSWORD);
  for (const title of ['Alpha', 'Beta', 'Gamma']) await addTodo(page, title);
  await expect(status(page)).toHaveText('All changes saved');

  await context.setOffline(true);
  await expect(status(page)).toHaveText('Offline — 0 changes will sync');
  await addTodo(page, 'Delta (offline)');
  await page.getByRole('button', { name: 'Edit “Beta”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit todo' });
  await dialog.getByLabel('Title').fill('Beta, edited offline');
  await dialog.getByRole('button', { name: 'Save' }).click();
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
    await page.getByRole('button', { name: `Edit “${title}”` }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit todo' });
    await dialog.getByLabel('Title').fill(mine);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
  }

  const other = await onAnotherDevice(browser, testInfo, email);
  for (const [title, theirs] of [['Shared', 'Theirs'], ['Also shared', 'Theirs too']] as const) {
    await other.page.getByRole('button', { name: `Edit “${title}”` }).click();
    const dialog = other.page.getByRole('dialog', { name: 'Edit todo' });
    await dialog.getByLabel('Title').fill(theirs);
    await dialog.getByRole('button', { name: 'Save' }).click();
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
