import { expect, test } from '@playwright/test';
import { firstLink, waitForMail } from './mailbox';

const dataDir = process.env.E2E_DATA_DIR ?? './.data/e2e';

test('sign-up → workspace → invite → agent signs in → customer signs in to the portal', async ({
  page,
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const slug = `e2e-${suffix}`;
  const ownerEmail = `owner-${suffix}@e2e.test`;
  const agentEmail = `agent-${suffix}@e2e.test`;
  const customerEmail = `customer-${suffix}@e2e.test`;

  await test.step('an owner signs up and gets a workspace', async () => {
    await page.goto('/signup');
    await page.getByLabel('Your name').fill('Erin Owner');
    await page.getByLabel('Email').fill(ownerEmail);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Workspace name').fill(`E2E Support ${suffix}`);
    await page.getByLabel('Workspace address').fill(slug);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expect(page).toHaveURL(/\/agent/);
    await expect(page.getByText(`E2E Support ${suffix}`).first()).toBeVisible();
  });

  let inviteUrl = '';
  await test.step('the owner invites an agent', async () => {
    await page.goto('/admin/members');
    await page.getByLabel('Email').fill(agentEmail);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const link = page.getByLabel('Invitation link');
    await expect(link).toHaveValue(/\/invite\//);
    inviteUrl = await link.inputValue();
    // The same link goes out by mail through the outbox and the worker.
    const mail = await waitForMail(dataDir, agentEmail);
    expect(firstLink(mail.text, '/invite/')).toBe(inviteUrl);
  });

  await test.step('the agent accepts, then signs in with the new password', async () => {
    const context = await browser.newContext({ baseURL });
    const agent = await context.newPage();
    await agent.goto(new URL(inviteUrl).pathname);
    await agent.getByLabel('Your name').fill('Avery Agent');
    await agent.getByLabel('Password').fill('agent password 123');
    await agent.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(agent).toHaveURL(/\/agent/);
    await expect(agent.getByText(`E2E Support ${suffix}`).first()).toBeVisible();

    await agent.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(agent).toHaveURL(/\/signin|\/$/);
    await agent.goto('/signin');
    await agent.getByLabel('Email').fill(agentEmail);
    await agent.getByLabel('Password').fill('agent password 123');
    await agent.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(agent).toHaveURL(/\/agent/);
    // An agent is not an admin.
    await agent.goto('/admin/members');
    await expect(agent.getByText(/need admin access/i)).toBeVisible();
    await context.close();
  });

  await test.step('a customer signs in to the portal by magic link', async () => {
    const context = await browser.newContext({ baseURL });
    const customer = await context.newPage();
    await customer.goto(`/${slug}/portal`);
    await customer.getByLabel('Email').fill(customerEmail);
    await customer.getByRole('button', { name: 'Email me a sign-in link' }).click();
    await expect(customer.getByText('Check your email')).toBeVisible();
    const mail = await waitForMail(dataDir, customerEmail);
    const link = new URL(firstLink(mail.text, '/portal/auth'));
    await customer.goto(link.pathname + link.search);
    await expect(customer.getByText(`Signed in as ${customerEmail}`)).toBeVisible();
    // A customer session is not a staff session.
    await customer.goto('/agent');
    await expect(customer).toHaveURL(/\/signin/);
    await context.close();
  });
});
