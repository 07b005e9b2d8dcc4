import { expect, test, type Browser, type Page } from '@playwright/test';
import { signInAsStaff, signInToPortal } from './sign-in';

// The demo workspace seeded on first start (README, server/services/workspace/seed-demo.ts).
const WORKSPACE = 'acme';
const ALEX = { name: 'Alex Agent', email: 'alex@acme.test', password: 'cairn-demo-agent' };
const SAM = { name: 'Sam Agent', email: 'sam@acme.test', password: 'cairn-demo-agent' };

async function staffPage(browser: Browser, baseURL: string | undefined, who: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAsStaff(page, who);
  return page;
}

/** The compose form of the agent's ticket page. */
function composer(page: Page) {
  const form = page.getByRole('form', { name: 'Compose message' });
  return {
    form,
    mode: (name: 'Public reply' | 'Internal note') => form.getByRole('button', { name, exact: true }).click(),
    body: form.getByRole('textbox', { name: 'Reply' }),
    send: form.getByRole('button', { name: /^(Send reply|Add note)$/ }),
  };
}

test('a customer files a ticket with a file → live in the queue → reply and note → customer sees only the reply → solved', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const customerEmail = `ticket-customer-${suffix}@e2e.test`;
  const subject = `Invoice PDF will not download ${suffix}`;
  const fileName = `screenshot-${suffix}.txt`;
  const replyText = `Thanks for the report, we have regenerated your invoice ${suffix}.`;
  const noteText = `Internal: billing export bug again, see incident ${suffix}.`;

  // The agent's queue is open before the ticket exists, and is never reloaded.
  const agent = await staffPage(browser, baseURL, ALEX);
  await agent.goto('/agent/views/all_open');
  await expect(agent.getByRole('heading', { name: 'All open' })).toBeVisible();
  await expect(agent.getByRole('table')).toBeVisible();
  // A reload or full navigation would drop this marker.
  await agent.evaluate(() => Object.assign(window, { __queueOpen: true }));

  const customerContext = await browser.newContext({ baseURL });
  const customer = await customerContext.newPage();
  let ticketPath = '';

  await test.step('the customer files a request with an attachment', async () => {
    await signInToPortal(customer, WORKSPACE, customerEmail);
    await customer.goto(`/${WORKSPACE}/portal/new`);
    await customer.getByLabel('Name', { exact: true }).fill('Taylor Ticket');
    await customer.getByLabel('Subject').fill(subject);
    await customer.getByLabel('Message').fill('Clicking "Download PDF" on my invoice shows a blank page.');
    await customer
      .getByLabel('Attachments')
      .setInputFiles({ name: fileName, mimeType: 'text/plain', buffer: Buffer.from(`what I saw ${suffix}\n`) });
    const files = customer.getByRole('list', { name: 'Selected files' });
    await expect(files.getByText('Uploaded')).toBeVisible();
    await customer.getByRole('button', { name: 'Submit request' }).click();
    await expect(customer.getByRole('heading', { name: 'We received your request' })).toBeVisible();
    await customer.getByRole('link', { name: 'View your request' }).click();
    await expect(customer.getByRole('heading', { name: subject })).toBeVisible();
    ticketPath = new URL(customer.url()).pathname;
    const conversation = customer.getByRole('list', { name: 'Conversation' });
    await expect(
      conversation.getByRole('article', { name: 'From you' }).getByRole('link', { name: new RegExp(fileName) }),
    ).toBeVisible();
  });

  await test.step('it appears in the open queue without a reload', async () => {
    const row = agent.getByRole('link', { name: subject });
    await expect(row).toBeVisible({ timeout: 20_000 });
    expect(await agent.evaluate(() => (window as { __queueOpen?: boolean }).__queueOpen)).toBe(true);
    await row.click();
    await expect(agent.getByRole('heading', { name: subject })).toBeVisible();
    const first = agent.getByRole('article', { name: /^Message from Taylor Ticket/ });
    const file = first.getByRole('link', { name: new RegExp(fileName) });
    await expect(file).toBeVisible();
    // The agent can open the customer's file, and it is the file that was sent.
    const download = await agent.context().request.get((await file.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe(`what I saw ${suffix}\n`);
  });

  await test.step('the agent replies, then adds an internal note', async () => {
    const compose = composer(agent);
    await compose.body.fill(replyText);
    await compose.send.click();
    await expect(agent.getByRole('article', { name: `Message from ${ALEX.name}` }).getByText(replyText)).toBeVisible();
    await expect(compose.body).toHaveValue('');

    await compose.mode('Internal note');
    await compose.body.fill(noteText);
    await expect(compose.send).toHaveText('Add note');
    await compose.send.click();
    await expect(
      agent.getByRole('article', { name: `Internal note from ${ALEX.name}` }).getByText(noteText),
    ).toBeVisible();
  });

  await test.step('the customer sees the reply and not the note', async () => {
    // Customers see an agent by first name only.
    await customer.goto(ticketPath);
    const conversation = customer.getByRole('list', { name: 'Conversation' });
    await expect(conversation.getByRole('article', { name: 'From Alex (support)' }).getByText(replyText)).toBeVisible();
    await expect(conversation.getByRole('article')).toHaveCount(2);
    await expect(customer.getByText(noteText)).toHaveCount(0);
    await expect(customer.getByText(/billing export bug/)).toHaveCount(0);
  });

  await test.step('the agent solves it, and the customer sees it solved', async () => {
    await agent.getByLabel('Status').selectOption('solved');
    await expect(agent.getByLabel('Status')).toHaveValue('solved');
    await expect(agent.getByLabel('Status')).toBeEnabled();
    await customer.reload();
    await expect(customer.getByText('We marked this request as solved.', { exact: false })).toBeVisible();
  });

  await customerContext.close();
  await agent.context().close();
});

test('traffic cop: a reply written against an outdated ticket is refused, saying what changed, until the agent confirms', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const subject = `Two agents, one ticket ${suffix}`;
  const alexReply = `Alex answers first ${suffix}`;
  const samReply = `Sam answers second ${suffix}`;

  const alex = await staffPage(browser, baseURL, ALEX);
  const sam = await staffPage(browser, baseURL, SAM);

  await test.step('Alex files a ticket for a customer', async () => {
    await alex.goto('/agent/tickets/new');
    await alex.getByLabel('Requester email').fill(`cop-${suffix}@e2e.test`);
    await alex.getByLabel('Subject').fill(subject);
    await alex.getByLabel('Description').fill('The customer called: their export is stuck at 99%.');
    await alex.getByRole('button', { name: 'Create ticket' }).click();
    await expect(alex.getByRole('heading', { name: subject })).toBeVisible();
  });

  await test.step('both agents have it open; Alex replies and sets it pending', async () => {
    await sam.goto(new URL(alex.url()).pathname);
    await expect(sam.getByRole('heading', { name: subject })).toBeVisible();
    const samCompose = composer(sam);
    // Sam starts writing against the version he loaded.
    await samCompose.body.fill(samReply);

    const alexCompose = composer(alex);
    await alexCompose.body.fill(alexReply);
    await alex.getByLabel('After sending, mark as').selectOption('pending');
    await alexCompose.send.click();
    await expect(alex.getByRole('article', { name: `Message from ${ALEX.name}` }).getByText(alexReply)).toBeVisible();
  });

  await test.step("Sam's reply is refused and says what changed", async () => {
    // Sam's open page hears of the change live, but the version he read is still the old one.
    await expect(sam.getByRole('status').filter({ hasText: 'This ticket changed while you had it open' })).toBeVisible({
      timeout: 20_000,
    });
    const samCompose = composer(sam);
    await samCompose.send.click();
    const cop = samCompose.form.getByRole('alert');
    await expect(cop).toContainText('This ticket changed after you opened it');
    await expect(cop).toContainText(`${ALEX.name} replied`);
    await expect(cop).toContainText('status changed from Open to Pending');
    // Nothing was sent: the draft is still there and the thread has no reply from Sam.
    await expect(samCompose.body).toHaveValue(samReply);
    await expect(sam.getByRole('article', { name: `Message from ${SAM.name}` })).toHaveCount(0);
  });

  await test.step('Sam confirms, and the reply goes out', async () => {
    await sam.getByRole('button', { name: 'Send anyway' }).click();
    await expect(sam.getByRole('article', { name: `Message from ${SAM.name}` }).getByText(samReply)).toBeVisible();
    await expect(composer(sam).body).toHaveValue('');
    await expect(composer(sam).form.getByRole('alert')).toHaveCount(0);
    // Alex's open page picks Sam's reply up live.
    await expect(alex.getByRole('article', { name: `Message from ${SAM.name}` }).getByText(samReply)).toBeVisible({
      timeout: 20_000,
    });
  });

  await alex.context().close();
  await sam.context().close();
});
