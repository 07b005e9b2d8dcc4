import { expect, test } from '@playwright/test';
import { waitForMail } from './mailbox';
import { signInAsStaff } from './sign-in';

// One-click satisfaction: the agent solves a ticket, the worker mails the customer one signed link per
// rating, the customer clicks one (no sign-in), adds a comment on the page it opens, and the agent sees
// the rating and the comment on the ticket.

const dataDir = process.env.E2E_DATA_DIR ?? './.data/e2e';
const ALEX = { email: 'alex@acme.test', password: 'cairn-demo-agent' };

test('a customer rates from the solved mail, adds a comment, and the agent sees both on the ticket', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const customerEmail = `rater-${suffix}@e2e.test`;
  const subject = `Export stuck at 99% ${suffix}`;
  const comment = `Quick and friendly, thanks ${suffix}`;

  const agentContext = await browser.newContext({ baseURL });
  const agent = await agentContext.newPage();
  await signInAsStaff(agent, ALEX);

  await test.step('the agent files and solves a ticket for the customer', async () => {
    await agent.goto('/agent/tickets/new');
    await agent.getByLabel('Requester email').fill(customerEmail);
    await agent.getByLabel('Subject').fill(subject);
    await agent.getByLabel('Description').fill('The customer called: their export never finishes.');
    await agent.getByRole('button', { name: 'Create ticket' }).click();
    await expect(agent.getByRole('heading', { name: subject })).toBeVisible();
    await agent.getByLabel('Status').selectOption('solved');
    await expect(agent.getByLabel('Status')).toHaveValue('solved');
    await expect(agent.getByLabel('Status')).toBeEnabled();
  });

  let goodLink = '';
  await test.step('the solved mail carries a link per rating', async () => {
    const mail = await waitForMail(dataDir, customerEmail, 45_000, (m) => (m.subject ?? '').startsWith('Solved:'));
    const match = (mail.text ?? '').match(/^Good: (\S+)$/m);
    expect(match, mail.text).not.toBeNull();
    goodLink = match![1]!;
    expect(mail.text).toMatch(/^Very poor: \S+$/m);
  });

  await test.step('one click records the rating without signing in; the page takes a comment', async () => {
    const customerContext = await browser.newContext({ baseURL });
    const customer = await customerContext.newPage();
    const url = new URL(goodLink);
    await customer.goto(url.pathname + url.search);
    await expect(customer.getByText('We recorded your rating: Good')).toBeVisible();
    // The "record" mark is gone from the address: a reload shows the survey without clicking again.
    await expect(customer).not.toHaveURL(/record=1/);
    await expect(customer.getByRole('radio', { name: 'Good' })).toBeChecked();
    await customer.getByLabel('Anything you would like to add? (optional)').fill(comment);
    await customer.getByRole('button', { name: 'Save feedback' }).click();
    await expect(customer.getByText('Thank you! Your feedback is saved.')).toBeVisible();
    await customerContext.close();
  });

  await test.step('the agent sees the rating and the comment on the ticket', async () => {
    await agent.reload();
    const panel = agent.getByRole('region', { name: 'Satisfaction' });
    await expect(panel.getByText('4/5 · Good')).toBeVisible();
    await expect(panel.getByText(comment)).toBeVisible();
  });
  await agentContext.close();
});
