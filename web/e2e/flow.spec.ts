import { expect, test } from '@playwright/test';
import { addTodo, dragByTouch, expectAccessible, screenshot, signIn, signUp, titles, uniqueEmail, waitForMail } from './support';

const OLD_PASSWORD = 'first-secret-passphrase';
const NEW_PASSWORD = 'second-secret-passphrase';

test('a person signs up, manages todos, resets a forgotten password', async ({ page, browser }, testInfo) => {
  const desktop = testInfo.project.name === 'desktop';
  const email = uniqueEmail('ada', testInfo);

  // --- sign up
  await page.goto('/sign-up');
  await expectAccessible(page, 'sign-up');
  await page.getByLabel('Password', { exact: true }).fill('abc');
  await expect(page.getByText('Strength: Too weak')).toBeVisible();
  if (desktop) await screenshot(page, testInfo, 'sign-up');
  await signUp(page, email, OLD_PASSWORD);
  await expect(page.getByText('Nothing to do yet.')).toBeVisible();
  await expectAccessible(page, 'todos (empty)');

  // --- add
  await addTodo(page, 'Buy milk');
  await addTodo(page, 'Call mom');
  const addForm = page.getByRole('form', { name: 'Add a todo' });
  await addForm.getByLabel('New todo').fill('Write quarterly report');
  await addForm.getByRole('button', { name: 'Add details' }).click();
  await addForm.getByLabel('Description').fill('Numbers from finance, draft by Friday.');
  await addForm.getByLabel('Priority').selectOption('high');
  await addForm.getByLabel('Category').fill('Work');
  await addForm.getByLabel('Tags').fill('q3, writing');
  await addForm.getByLabel('Due date').fill('2030-01-15');
  await addForm.getByRole('button', { name: 'Add', exact: true }).click();
  const report = page.getByTestId('todo-item').filter({ hasText: 'Write quarterly report' });
  await expect(report).toContainText('High priority');
  await expect(report).toContainText('#writing');
  await expect(report).toContainText('Work');
  await expect(page.getByTestId('counts')).toContainText('3 active');

  // --- edit
  await page.getByRole('button', { name: 'Edit “Call mom”' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit todo' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'edit dialog');
  await dialog.getByLabel('Title').fill('Call mom tonight');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(titles(page).filter({ hasText: 'Call mom tonight' })).toBeVisible();

  // --- reorder with the keyboard alternative, then by drag and drop (a mouse on desktop, a finger on mobile)
  const before = await titles(page).allTextContents();
  expect(before).toHaveLength(3);
  const last = before[2]!;
  const moved = page.waitForResponse((r) => r.url().endsWith('/move') && r.request().method() === 'POST');
  await page.getByRole('button', { name: `Move “${last}” up` }).click();
  expect((await moved).status()).toBe(200);
  await expect(titles(page)).toHaveText([before[0]!, last, before[1]!]);
  await page.reload();
  await expect(titles(page)).toHaveText([before[0]!, last, before[1]!]);
  {
    const rows = page.getByTestId('todo-item');
    const dropped = page.waitForResponse((r) => r.url().endsWith('/move') && r.request().method() === 'POST');
    if (desktop) {
      await rows.nth(2).dragTo(rows.nth(0));
    } else {
      await dragByTouch(page, rows.nth(2).getByTestId('drag-handle'), rows.nth(0));
    }
    expect((await dropped).status()).toBe(200);
    await expect(titles(page)).toHaveText([before[1]!, before[0]!, last]);
    await page.reload();
    await expect(titles(page)).toHaveText([before[1]!, before[0]!, last]);
  }

  // --- filter, search, sort
  const filters = page.getByRole('region', { name: 'Filter and sort' });
  if (!desktop) await filters.getByRole('button', { name: 'Filters and sort' }).click();
  await filters.getByLabel('Priority').selectOption('high');
  await expect(titles(page)).toHaveText(['Write quarterly report']);
  await expect(page).toHaveURL(/priority=high/);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(titles(page)).toHaveCount(3);
  await filters.getByLabel('Search').fill('milk');
  await expect(titles(page)).toHaveText(['Buy milk']);
  await filters.getByLabel('Search').fill('');
  await expect(titles(page)).toHaveCount(3);
  await filters.getByLabel('Category').selectOption('Work');
  await expect(titles(page)).toHaveText(['Write quarterly report']);
  await filters.getByLabel('Category').selectOption('');
  await filters.getByLabel('Sort').selectOption('title:asc');
  await expect(titles(page)).toHaveText(['Buy milk', 'Call mom tonight', 'Write quarterly report']);
  await filters.getByLabel('Sort').selectOption('position:asc');
  await expect(page.getByRole('list', { name: 'Todos' })).toHaveAttribute('aria-busy', 'false');

  // --- complete
  await page.getByRole('checkbox', { name: 'Mark “Buy milk” as done' }).check();
  await expect(page.getByTestId('counts')).toContainText('1 completed');
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Completed' }).click();
  await expect(titles(page)).toHaveText(['Buy milk']);
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Active' }).click();
  await expect(titles(page)).toHaveCount(2);
  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'All' }).click();
  await expect(titles(page)).toHaveCount(3);
  await expectAccessible(page, 'todos');
  await screenshot(page, testInfo, 'todos');

  // --- delete, undo, delete for good
  await page.getByRole('button', { name: 'Delete “Call mom tonight”' }).click();
  await expect(titles(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(titles(page).filter({ hasText: 'Call mom tonight' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete “Call mom tonight”' }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 10_000 });
  await expect(page.getByTestId('counts')).toContainText('2 total');
  await page.reload();
  await expect(titles(page)).toHaveCount(2);
  await expect(titles(page).filter({ hasText: 'Call mom tonight' })).toHaveCount(0);

  // --- account page
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { name: 'Account', exact: true })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await expectAccessible(page, 'account');
  if (desktop) await screenshot(page, testInfo, 'account');
  await page.getByRole('link', { name: 'Todos' }).click();

  // --- a second, independent session (another tab/browser) of the same user
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const tab2 = await other.newPage();
  await tab2.goto('/todos');
  await expect(tab2).toHaveURL(/\/sign-in/);
  await signIn(tab2, email, OLD_PASSWORD);
  await expect(tab2.getByRole('heading', { name: 'Todos' })).toBeVisible();
  await expect(tab2.getByTestId('todo-item')).toHaveCount(2);

  // --- sign out (a second tab of the same browser follows)
  const sameBrowserTab = await page.context().newPage();
  await sameBrowserTab.goto('/todos');
  await expect(sameBrowserTab.getByTestId('todo-item')).toHaveCount(2);
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(sameBrowserTab).toHaveURL(/\/sign-in\?reason=signed-out/);
  await sameBrowserTab.close();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('You have signed out.')).toBeVisible();
  await expectAccessible(page, 'sign-in');
  if (desktop) await screenshot(page, testInfo, 'sign-in');
  await page.goto('/todos');
  await expect(page).toHaveURL(/\/sign-in\?reason=required&next=%2Ftodos/);

  // --- forgot password -> the email -> set a new password
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await expectAccessible(page, 'forgot-password');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  if (desktop) await screenshot(page, testInfo, 'forgot-password');
  const mail = await waitForMail(email, /reset your password/i);
  const link = mail.text.match(/https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_\-%.~]+/)?.[0];
  expect(link, 'reset link in the plain-text part').toBeTruthy();
  expect(mail.html).toContain('reset-password?token=');
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  // read once, then gone from the address bar (and so from history and screen shares)
  await expect(page).toHaveURL(/\/reset-password$/);
  await expectAccessible(page, 'reset-password');
  if (desktop) await screenshot(page, testInfo, 'reset-password');
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=password-reset/);
  await expect(page.getByText('Your password has been changed.')).toBeVisible();

  // the old password fails, the new one works
  await signIn(page, email, OLD_PASSWORD);
  await expect(page.getByText('Email or password is incorrect.')).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/todos/);
  await expect(page.getByTestId('todo-item')).toHaveCount(2);

  // the link works once
  await page.goto(link!);
  await expect(page.getByRole('heading', { name: 'Link expired or already used' })).toBeVisible();
  await expectAccessible(page, 'reset-password (spent link)');

  // the second session has ended: its next action sends it to sign-in with a message
  await tab2.getByLabel('New todo').fill('From the other tab');
  await tab2.getByLabel('New todo').press('Enter');
  await expect(tab2).toHaveURL(/\/sign-in\?reason=expired/);
  await expect(tab2.getByText('Your session has ended. Please sign in again.')).toBeVisible();
  await other.close();
});
