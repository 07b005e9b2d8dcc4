import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAsStaff, signInToPortal } from './sign-in';

// The demo workspace seeded on first start (README, server/services/workspace/seed-demo.ts).
const WORKSPACE = 'acme';
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };
const ALEX = { name: 'Alex Agent', email: 'alex@acme.test', password: 'cairn-demo-agent' };
const SAM = { name: 'Sam Agent' };

async function staffPage(browser: Browser, baseURL: string | undefined, who: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAsStaff(page, who);
  return page;
}

/**
 * A customer files a request in the portal. (A ticket an agent opens with the "New ticket" form starts
 * answered, since its first message is the agent's, so first response would read Met at once.)
 */
async function fileRequest(customer: Page, subject: string) {
  await customer.goto(`/${WORKSPACE}/portal/new`);
  await expect(customer.getByLabel('Subject')).toBeVisible();
  // Once the customer has a name on file, the form shows it read-only.
  const name = customer.getByLabel('Name', { exact: true });
  if (await name.isEditable()) await name.fill('Casey Checkout');
  await customer.getByLabel('Subject').fill(subject);
  await customer.getByLabel('Message').fill('Our checkout is down for every customer.');
  await customer.getByRole('button', { name: 'Submit request' }).click();
  await expect(customer.getByRole('heading', { name: 'We received your request' })).toBeVisible();
}

/** The agent opens the ticket from the queue and makes it urgent, which puts it under the test's policy. */
async function openAndMakeUrgent(agent: Page, subject: string) {
  await agent.goto('/agent/views/all_open');
  await agent.getByRole('link', { name: subject }).click();
  await expect(agent.getByRole('heading', { name: subject })).toBeVisible();
  await agent.getByLabel('Priority').selectOption('urgent');
  await expect(agent.getByLabel('Priority')).toBeEnabled();
  return new URL(agent.url()).pathname;
}

const slaPanel = (page: Page) => page.getByRole('region', { name: 'SLA' });
const firstResponse = (page: Page) => slaPanel(page).getByRole('listitem', { name: 'First response' });

test('an admin sets a calendar and a policy → an urgent ticket counts down → a reply meets first response → a breach escalates, visibly', async ({
  browser,
  baseURL,
}) => {
  // Waits for a real 1-minute target to run out, checked by the worker.
  test.setTimeout(150_000);
  const suffix = Date.now().toString(36);
  const calendarName = `Always open ${suffix}`;
  const policyName = `Urgent one-minute ${suffix}`;

  const admin = await staffPage(browser, baseURL, OWNER);

  await test.step('the admin creates a 24×7 calendar, after being told what is missing', async () => {
    await admin.goto('/admin/sla');
    await expect(admin.getByRole('heading', { name: 'SLA', exact: true })).toBeVisible();
    await admin.getByRole('link', { name: 'New calendar' }).first().click();
    await expect(admin.getByRole('heading', { name: 'New business-hours calendar' })).toBeVisible();
    await admin.getByRole('button', { name: 'Use Open 24×7' }).click();
    await admin.getByLabel('Time zone').fill('Europe/Berlin');
    await admin.getByRole('button', { name: 'Save calendar' }).click();
    // Nothing was sent: the message sits beside the empty name.
    await expect(admin.getByText('Give the calendar a name.')).toBeVisible();
    await admin.getByLabel('Name').fill(calendarName);
    await admin.getByRole('button', { name: 'Save calendar' }).click();
    await expect(admin).toHaveURL(/\/admin\/sla$/);
    await expect(admin.getByRole('list', { name: 'Calendars' }).getByText(calendarName)).toBeVisible();
  });

  await test.step('the admin creates a policy: urgent tickets, first response in 1 minute, escalate on breach', async () => {
    await admin.getByRole('link', { name: 'New policy' }).first().click();
    await expect(admin.getByRole('heading', { name: 'New SLA policy' })).toBeVisible();
    await admin.getByLabel('Name').fill(policyName);
    await admin.getByLabel('Business hours').selectOption({ label: `${calendarName} (Europe/Berlin)` });
    await admin.getByRole('group', { name: 'Priorities' }).getByLabel('Urgent').check();
    await admin.getByLabel('Urgent first response target in minutes').fill('1');
    await admin.getByRole('button', { name: 'Add escalation level' }).click();
    const level = admin.getByRole('listitem', { name: 'Escalation level 1' });
    await level.getByLabel('When').selectOption('breach');
    await level.getByLabel('Target').selectOption('first_response');
    await level.getByLabel('After (minutes)').fill('0');
    await level.getByLabel('Assign to agent').selectOption({ label: SAM.name });
    await level.getByRole('group', { name: 'Notify by email' }).getByLabel(SAM.name).check();
    await admin.getByRole('button', { name: 'Save policy' }).click();
    await expect(admin).toHaveURL(/\/admin\/sla$/);
    const policies = admin.getByRole('list', { name: 'SLA policies in matching order' });
    await expect(policies.getByText(policyName)).toBeVisible();
    await expect(policies.getByText('Tickets with priority Urgent').first()).toBeVisible();
  });

  const agent = await staffPage(browser, baseURL, ALEX);
  const customer = await (await browser.newContext({ baseURL })).newPage();
  const lateSubject = `Checkout down, nobody answers ${suffix}`;
  const answeredSubject = `Checkout down, answered ${suffix}`;
  let latePath = '';

  await test.step('a customer files two requests in the portal', async () => {
    await signInToPortal(customer, WORKSPACE, `sla-${suffix}@e2e.test`);
    await fileRequest(customer, answeredSubject);
    await fileRequest(customer, lateSubject);
  });

  // A retry adds a second policy of the same kind after the first, so the name is matched by its prefix.
  await test.step("made urgent, a ticket counts down; the agent's reply meets first response", async () => {
    await openAndMakeUrgent(agent, answeredSubject);
    await expect(
      slaPanel(agent).getByText(/^Urgent one-minute \w+ · Always open \w+ \(Europe\/Berlin\)$/),
    ).toBeVisible();
    await expect(firstResponse(agent).locator('[data-sla-state]')).toHaveText(/\d+s left/);
    const form = agent.getByRole('form', { name: 'Compose message' });
    await form
      .getByRole('textbox', { name: 'Reply' })
      .fill('We are on it: the payment provider is failing, a fix is rolling out.');
    await form.getByRole('button', { name: 'Send reply' }).click();
    await expect(firstResponse(agent).locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'met');
    await expect(firstResponse(agent).locator('[data-sla-state]')).toHaveText(/: Met$/);
  });

  await test.step('the other urgent ticket counts down on its page and in the queue', async () => {
    latePath = await openAndMakeUrgent(agent, lateSubject);
    await expect(firstResponse(agent).locator('[data-sla-state]')).toHaveText(/(\d+s left|Overdue)/);
    await agent.goto('/agent/views/all_open');
    const row = agent.getByRole('row').filter({ has: agent.getByRole('link', { name: lateSubject }) });
    await expect(row.locator('[data-sla-state]:visible')).toHaveText(/First response SLA.*(\d+s left|Overdue)/);
  });

  await test.step('the unanswered ticket breaches and escalates, shown without a reload', async () => {
    await agent.goto(latePath);
    await agent.evaluate(() => Object.assign(window, { __ticketOpen: true }));
    await expect(firstResponse(agent).locator('[data-sla-state]')).toHaveAttribute('data-sla-state', 'breached', {
      timeout: 75_000,
    });
    const escalations = firstResponse(agent).getByRole('list', { name: 'Escalations for First response' });
    await expect(escalations).toContainText('Level 1', { timeout: 45_000 });
    await expect(escalations).toContainText(`assign to ${SAM.name}`);
    await expect(agent.getByLabel('Assignee').locator('option:checked')).toHaveText(new RegExp(SAM.name));
    await expect(firstResponse(agent).getByText(/^recorded /)).toBeVisible();
    expect(await agent.evaluate(() => (window as { __ticketOpen?: boolean }).__ticketOpen)).toBe(true);

    await agent.getByRole('tab', { name: /Activity/ }).click();
    const activity = agent.getByRole('list', { name: 'Activity' });
    await expect(activity.getByText('recorded an SLA breach')).toBeVisible();
    await expect(activity.getByText('ran an SLA escalation')).toBeVisible();
    await expect(activity.getByText(/Escalation level 1 of "Urgent one-minute/).first()).toBeVisible();

    await firstResponse(agent).getByText('Why this due time').click();
    await expect(firstResponse(agent).getByText(/Policy: Urgent one-minute/)).toBeVisible();
    await expect(firstResponse(agent).getByText(/Open time that counted/)).toBeVisible();
  });

  await admin.context().close();
  await agent.context().close();
  await customer.context().close();
});
