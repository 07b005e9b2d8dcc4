import { expect, test, type Browser } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// The demo workspace seeded on first start (server/services/workspace/seed-demo.ts).
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };
const ALEX = { email: 'alex@acme.test', password: 'cairn-demo-agent' };

async function staffPage(browser: Browser, baseURL: string | undefined, who: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAsStaff(page, who);
  return page;
}

test('an admin adds a category and a macro → an agent applies the macro with the keyboard → the admin deletes the category in use, moving its ticket', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const category = `Returns ${suffix}`;
  const macro = `Return label ${suffix}`;
  const tag = `return-${suffix}`;
  const admin = await staffPage(browser, baseURL, OWNER);

  await test.step('the admin creates a category with a colour and an icon', async () => {
    await admin.goto('/admin/categories');
    const form = admin.getByRole('region', { name: 'New category' });
    await form.getByLabel('Name').fill(category);
    await form.getByRole('combobox', { name: 'Icon' }).selectOption('truck');
    await form.getByRole('button', { name: 'Add category' }).click();
    await expect(admin.getByRole('row', { name: new RegExp(category) })).toBeVisible();
  });

  await test.step('the admin creates a macro with a placeholder and ticket changes', async () => {
    await admin.goto('/admin/macros');
    await admin.getByRole('button', { name: 'New macro' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New macro' });
    await dialog.getByLabel('Name').fill(macro);
    await dialog.getByLabel('Text').fill('Hi {{requester.name}}, here is your return label for ');
    await dialog.getByRole('button', { name: '{{ticket.number}}' }).click();
    await dialog.getByLabel('Priority').selectOption('high');
    await dialog.getByLabel('Add tags').fill(tag);
    await dialog.getByRole('button', { name: 'Create macro' }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole('row', { name: new RegExp(macro) })).toBeVisible();
  });

  const agent = await staffPage(browser, baseURL, ALEX);
  await test.step('an agent files a ticket in the category', async () => {
    await agent.goto('/agent/tickets/new');
    await agent.getByLabel('Requester email').fill(`returns-${suffix}@e2e.test`);
    await agent.getByLabel('Requester name').fill('Robin Return');
    await agent.getByLabel('Subject').fill(`Parcel came back damaged ${suffix}`);
    await agent.getByLabel('Description').fill('The box was crushed; I would like to send it back.');
    await agent.getByLabel('Category').selectOption({ label: category });
    await agent.getByRole('button', { name: 'Create ticket' }).click();
    await expect(agent.getByRole('heading', { name: `Parcel came back damaged ${suffix}` })).toBeVisible();
  });

  await test.step('the agent applies the macro from the reply box with the keyboard only', async () => {
    const body = agent.getByRole('form', { name: 'Compose message' }).getByRole('textbox', { name: 'Reply' });
    await body.focus();
    await agent.keyboard.press('Alt+m');
    const picker = agent.getByRole('dialog', { name: 'Apply a macro' });
    await expect(picker).toBeVisible();
    await expect(picker.getByRole('combobox', { name: 'Search macros' })).toBeFocused();
    await agent.keyboard.type(`label ${suffix}`);
    await expect(picker.getByRole('option')).toHaveCount(1);
    await agent.keyboard.press('ArrowDown');
    await expect(picker.getByRole('option', { name: new RegExp(macro) })).toHaveAttribute('aria-selected', 'true');
    await agent.keyboard.press('Enter');
    await expect(picker).toBeHidden();
    await expect(body).toHaveValue(/^Hi Robin Return, here is your return label for \S+/);
    await expect(body).toBeFocused();
    await expect(agent.getByLabel('Priority')).toHaveValue('high');

    // Esc closes the picker without applying anything. Focus leaves the reply box by blur, not by a click on
    // the page's middle: that lands on whatever is there, the reply box itself once the worker's article
    // suggestions have moved it up.
    await body.blur();
    await expect(body).not.toBeFocused();
    await agent.keyboard.press('m');
    await expect(picker).toBeVisible();
    await agent.keyboard.press('Escape');
    await expect(picker).toBeHidden();
  });

  await test.step('the admin deletes the category in use, moving its ticket to another', async () => {
    await admin.goto('/admin/categories');
    const row = admin.getByRole('row', { name: new RegExp(category) });
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await row.getByRole('button', { name: `Delete ${category}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Delete ${category}` });
    await expect(dialog.getByText('1 ticket uses this category')).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete category' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('combobox', { name: 'Replacement category' }).selectOption({ label: 'Technical issue' });
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole('row', { name: new RegExp(category) })).toHaveCount(0);

    await agent.reload();
    await expect(agent.getByLabel('Category')).toHaveValue(/.+/);
    await expect(agent.getByLabel('Category').locator('option:checked')).toHaveText('Technical issue');
    await agent.getByRole('tab', { name: /Activity/ }).click();
    await expect(agent.getByText(`Category "${category}" was deleted; moved to "Technical issue"`)).toBeVisible();
  });
});

test('an admin removes a dropdown option a ticket holds → the dialog asks where it goes → the ticket moves to the kept option', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const label = `Plan ${suffix}`;
  const admin = await staffPage(browser, baseURL, OWNER);

  await test.step('the admin adds a dropdown field', async () => {
    await admin.goto('/admin/fields');
    const form = admin.getByRole('region', { name: 'New custom field' });
    await form.getByLabel('Label').fill(label);
    await form.getByLabel('Key').fill(`plan_${suffix}`);
    await form.getByLabel('Type').selectOption({ label: 'Dropdown' });
    await form.getByLabel('Options').fill('Basic\nPro');
    await form.getByRole('button', { name: 'Add field' }).click();
    await expect(admin.getByRole('row', { name: new RegExp(label) })).toBeVisible();
  });

  let ticketUrl = '';
  await test.step('a ticket holds the option about to go', async () => {
    await admin.goto('/agent/tickets/new');
    await admin.getByLabel('Requester email').fill(`plan-${suffix}@e2e.test`);
    await admin.getByLabel('Subject').fill(`Upgrade question ${suffix}`);
    await admin.getByLabel('Description').fill('Which plan includes the API?');
    await admin.getByRole('button', { name: 'Create ticket' }).click();
    await expect(admin.getByRole('heading', { name: `Upgrade question ${suffix}` })).toBeVisible();
    ticketUrl = admin.url();
    const saved = admin.waitForResponse((r) => r.url().includes('ticket.update') && r.ok());
    await admin.getByLabel(label).selectOption({ label: 'Pro' });
    await saved;
  });

  await test.step('the admin drops "Pro": saving asks where its ticket goes, with the keyboard', async () => {
    await admin.goto('/admin/fields');
    const row = admin.getByRole('row', { name: new RegExp(label) });
    await row.getByRole('button', { name: `Edit ${label}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Edit ${label}` });
    await dialog.getByLabel('Options').fill('Basic');
    await dialog.getByRole('button', { name: 'Save…' }).click();
    const question = dialog.getByRole('combobox', { name: 'Pro: 1 ticket' });
    await expect(question).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Save and change 1 ticket' });
    await expect(confirm).toBeDisabled();
    await question.selectOption({ label: 'Move to Basic' });
    await confirm.focus();
    await admin.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(row).not.toContainText('Pro');
  });

  await test.step('the ticket now holds "Basic", and its activity says why', async () => {
    await admin.goto(ticketUrl);
    await expect(admin.getByLabel(label).locator('option:checked')).toHaveText('Basic');
    await admin.getByRole('tab', { name: /Activity/ }).click();
    await expect(admin.getByText(`Option "Pro" of "${label}" was removed; moved to "Basic"`)).toBeVisible();
  });

  await test.step('the field is deleted again, so later specs see the demo as seeded', async () => {
    await admin.goto('/admin/fields');
    const row = admin.getByRole('row', { name: new RegExp(label) });
    await row.getByRole('button', { name: `Delete ${label}` }).click();
    await admin.getByRole('button', { name: 'Delete and clear 1' }).click();
    await expect(row).toHaveCount(0);
  });
});

test('an admin adds a ticket type → an agent sets it on a ticket → the admin deletes it, moving the ticket to another type', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const type = `Outage ${suffix}`;
  const admin = await staffPage(browser, baseURL, OWNER);

  await test.step('the admin adds the type', async () => {
    await admin.goto('/admin/types');
    const form = admin.getByRole('region', { name: 'New ticket type' });
    await form.getByLabel('Name').fill(type);
    await form.getByRole('button', { name: 'Add type' }).click();
    await expect(admin.getByRole('row', { name: new RegExp(type) })).toContainText(`outage_${suffix}`);
  });

  const agent = await staffPage(browser, baseURL, ALEX);
  await test.step('an agent files a ticket and sets the new type in its properties', async () => {
    await agent.goto('/agent/tickets/new');
    await agent.getByLabel('Requester email').fill(`outage-${suffix}@e2e.test`);
    await agent.getByLabel('Subject').fill(`Nothing loads ${suffix}`);
    await agent.getByLabel('Description').fill('The dashboard stays blank since this morning.');
    await agent.getByRole('button', { name: 'Create ticket' }).click();
    await expect(agent.getByRole('heading', { name: `Nothing loads ${suffix}` })).toBeVisible();
    const saved = agent.waitForResponse((r) => r.url().includes('ticket.update') && r.ok());
    await agent.getByLabel('Type', { exact: true }).selectOption({ label: type });
    await saved;
  });

  await test.step('the admin deletes the type in use, moving its ticket to Incident', async () => {
    await admin.goto('/admin/types');
    const row = admin.getByRole('row', { name: new RegExp(type) });
    await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    await row.getByRole('button', { name: `Delete ${type}` }).click();
    const dialog = admin.getByRole('dialog', { name: `Delete ${type}` });
    await expect(dialog.getByText('1 ticket uses this ticket type')).toBeVisible();
    const confirm = dialog.getByRole('button', { name: 'Delete type' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('combobox', { name: 'Replacement ticket type' }).selectOption({ label: 'Incident' });
    await confirm.click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole('row', { name: new RegExp(type) })).toHaveCount(0);

    await agent.reload();
    await expect(agent.getByLabel('Type', { exact: true }).locator('option:checked')).toHaveText('Incident');
    await agent.getByRole('tab', { name: /Activity/ }).click();
    await expect(agent.getByText(`Ticket type "${type}" was deleted; moved to "Incident"`)).toBeVisible();
  });
});
