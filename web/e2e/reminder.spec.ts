import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { toLocalInput } from '../lib/reminders';
import { signUp, uniqueEmail, waitForMail } from './support';

test('reminder: set a minute ahead, the email arrives at the SMTP server, its link opens the todo highlighted, also when the list does not show it', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const email = uniqueEmail('reminder', testInfo);
  // sign-up hashes a password; on a loaded machine that can outlast the helper's 10 s
  await signUp(page, email, 'reminder-e2e-passphrase').catch(() => expect(page).toHaveURL(/\/todos/, { timeout: 120_000 }));
  await expect(page.getByRole('heading', { name: 'Todos' })).toBeVisible();

  await page.getByLabel('New todo').fill('Call the dentist');
  await page.getByRole('button', { name: 'Add details' }).click();
  // a minute ahead, on the minute (the picker's custom field has minutes); the browser runs in this machine's zone
  const at = new Date(Date.now() + 60_000);
  at.setSeconds(0, 0);
  at.setMinutes(at.getMinutes() + 1);
  await page.getByLabel('Reminder email').fill(toLocalInput(at));
  await page.getByLabel('New todo').press('Enter');
  await expect(page.getByTestId('reminder-icon')).toBeVisible();

  const mail = await waitForMail(email, /^Reminder: Call the dentist$/, 240_000);
  const link = mail.text.match(/https?:\/\/\S+\/todos\?focus=[0-9a-f-]{36}/)?.[0];
  expect(link, 'a link to the todo in the text part').toBeTruthy();
  expect(mail.html).toContain(link!);

  await page.goto(link!);
  const focused = page.locator('[data-testid="todo-item"][data-focused="true"]');
  await expect(focused).toContainText('Call the dentist');
  await expect(focused).toBeInViewport();

  // filtered out of the list shown (it is not done yet): read by id and pinned above the list, its actions working
  const id = new URL(link!).searchParams.get('focus');
  await page.goto(`/todos?status=completed&focus=${id}`);
  const pinned = page.getByRole('region', { name: 'From your reminder' });
  await expect(pinned.locator('[data-testid="todo-item"][data-focused="true"]')).toContainText('Call the dentist');
  await pinned.getByRole('checkbox', { name: 'Mark “Call the dentist” as done' }).check();
  // done, it belongs to the "Completed" list: shown there, highlighted, once
  await expect(pinned).toBeHidden();
  await expect(focused).toContainText('Call the dentist');
  await expect(page.getByTestId('todo-item').filter({ hasText: 'Call the dentist' })).toHaveCount(1);

  // a link to a todo that does not exist (deleted, or someone else's): a notice, dismissed with the link
  await page.goto(`/todos?focus=${randomUUID()}`);
  await expect(page.getByText('That todo no longer exists.')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss the todo from your reminder' }).click();
  await expect(page.getByText('That todo no longer exists.')).toBeHidden();
  await expect(page).toHaveURL(/\/todos$/);
});
