import { expect, test } from '@playwright/test';
import { signInAsStaff, signInToPortal } from './sign-in';

// An admin builds a rule, dry-runs it and saves it; a new portal ticket is then tagged and answered by the
// worker, and the ticket's activity names the rule. The demo workspace (server/services/workspace/seed-demo.ts).
const WORKSPACE = 'acme';
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };

test('a rule built in Admin → Rules tags and answers a new portal ticket, and the activity names it', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const word = `warranty${suffix}`;
  const tag = `warranty-${suffix}`;
  const ruleName = `Warranty desk ${suffix}`;
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInAsStaff(admin, OWNER);

  await test.step('the admin builds the rule and dry-runs it', async () => {
    await admin.goto('/admin/rules/new');
    await admin.getByLabel('Name').fill(ruleName);
    await admin.getByRole('button', { name: 'Add condition' }).click();
    await admin.getByLabel('Condition 1 field').selectOption({ label: 'Subject or message contains' });
    await admin.getByLabel('Condition 1 values').fill(word);
    await admin.getByLabel('Action 1 tags').fill(tag);
    await admin.getByRole('button', { name: 'Add action' }).click();
    await admin.getByLabel('Action 2 kind').selectOption({ label: 'Send auto-response to requester' });
    await admin.getByLabel('Action 2 text').fill(`Hello {{ customer.name }}, your warranty claim ${suffix} is in.`);
    await admin.getByRole('button', { name: 'Run dry run' }).click();
    await expect(admin.getByTestId('dry-run-summary')).toContainText('Would act on 0 of');
  });

  await test.step('and saves it: it is listed, switched on', async () => {
    await admin.getByRole('button', { name: 'Save rule' }).click();
    await expect(admin).toHaveURL(/\/admin\/rules$/);
    await expect(admin.getByRole('link', { name: ruleName })).toBeVisible();
  });

  const customer = await (await browser.newContext({ baseURL })).newPage();
  let ticketPath = '';
  await test.step('a customer files a matching request and gets the auto-response', async () => {
    await signInToPortal(customer, WORKSPACE, `warranty-${suffix}@e2e.test`);
    await customer.goto(`/${WORKSPACE}/portal/new`);
    await customer.getByLabel('Name', { exact: true }).fill('Wren Warranty');
    await customer.getByLabel('Subject').fill(`Broken kettle, ${word}`);
    await customer.getByLabel('Message').fill('It stopped heating after a week.');
    await customer.getByRole('button', { name: 'Submit request' }).click();
    await expect(customer.getByRole('heading', { name: 'We received your request' })).toBeVisible();
    await customer.getByRole('link', { name: 'View your request' }).click();
    await expect(customer.getByRole('heading', { name: `Broken kettle, ${word}` })).toBeVisible();
    ticketPath = new URL(customer.url()).pathname;
    await expect(async () => {
      await customer.reload();
      await expect(customer.getByText(`your warranty claim ${suffix} is in.`)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
  });

  await test.step('the agent sees the tag, and the activity says which rule did it', async () => {
    const ticketId = ticketPath.split('/').pop()!;
    await admin.goto(`/agent/tickets/${ticketId}`);
    await expect(admin.getByText(tag).first()).toBeVisible();
    await admin.getByRole('tab', { name: /Activity/ }).click();
    await expect(admin.getByRole('list', { name: 'Activity' }).getByText(`rule ${ruleName}`).first()).toBeVisible();
  });
});
