import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// The support widget on a host product served from another origin (a tiny server started here), embedded
// with the one script tag an admin copies. The demo workspace links two articles to /widget-demo.html.

const WORKSPACE = 'acme';
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };
const suffix = Date.now().toString(36);
const USER_ID = `host-user-${suffix}`;

let server: http.Server;
let hostOrigin = '';
let secret = '';

/** The host product's page: identity (signed, or forged with ?forged=1) and context before widget.js loads. */
function hostPage(appUrl: string, forged: boolean) {
  const signature = forged ? '0'.repeat(64) : createHmac('sha256', secret).update(USER_ID).digest('hex');
  const identity = { id: USER_ID, email: `widget-${suffix}@e2e.test`, name: 'Wendy Widget', signature };
  return `<!doctype html><html><head><title>Host billing</title></head><body>
<h1>Host product</h1>
<script>
  window.created = [];
  window.Cairn = window.Cairn || { q: [] };
  Cairn.q.push(['identify', ${JSON.stringify(identity)}]);
  Cairn.q.push(['setContext', { plan: 'pro-${suffix}', appVersion: '9.1' }]);
  Cairn.q.push(['on', 'ticket:created', function (t) { window.created.push(t.number); }]);
</script>
<script src="${appUrl}/widget.js" data-workspace="${WORKSPACE}" async></script>
</body></html>`;
}

test.beforeAll(async ({ baseURL }) => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(hostPage(baseURL!, url.searchParams.has('forged')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function openWidget(browser: Browser, query = ''): Promise<{ page: Page; panel: FrameLocator }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${hostOrigin}/widget-demo.html${query}`);
  await page.locator('#cairn-widget button').click();
  return { page, panel: page.frameLocator('#cairn-widget iframe') };
}

test('host page → articles and search → request with context and a file → agent replies → visitor sees it live → solved, rated in the panel; forged sees nothing; failure offers a filled mailto', async ({
  browser,
  baseURL,
}) => {
  const owner = await (await browser.newContext({ baseURL })).newPage();

  await test.step('the admin allows the host origin and makes a secret', async () => {
    await signInAsStaff(owner, OWNER);
    await owner.goto('/admin/widget');
    await expect(owner.getByText(`data-workspace="${WORKSPACE}"`)).toBeVisible();
    const origins = owner.getByLabel('Allowed origins (one per line)');
    // The form comes with the server's HTML (its settings prefetched): a click before React has hydrated it
    // submits the bare HTML form, which reloads the page and loses what was typed (the one flaky step of a
    // CI run). Saving is idempotent, so fill and save again until the saved notice shows.
    await expect(async () => {
      await origins.fill(`${new URL(baseURL!).origin}\n${hostOrigin}`);
      await owner.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(owner.getByText('Saved.')).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await owner.getByRole('button', { name: /^(Generate|Rotate) secret$/ }).click();
    secret = (await owner.locator('code', { hasText: /^cws_/ }).textContent())!.trim();
    expect(secret).toMatch(/^cws_/);
  });

  const { page: visitor, panel } = await openWidget(browser);
  const subject = `Cannot export invoices ${suffix}`;
  let number = '';

  await test.step('the visitor reads a linked article and searches', async () => {
    await expect(panel.getByRole('region', { name: 'Articles for this page' })).toBeVisible();
    await panel.getByRole('button', { name: /Change your plan/ }).click();
    await expect(panel.getByRole('heading', { name: 'Change your plan' })).toBeVisible();
    await panel.getByRole('button', { name: 'Back' }).click();
    await panel.getByLabel('Search the help center').fill('password');
    // A result only the search shows ("Reset your password" is also linked to the page): the results are in
    // before the next click, which the list growing under it would otherwise move.
    await expect(panel.getByRole('button', { name: /Sign in with a link/ })).toBeVisible();
  });

  await test.step('files a request with an attachment; the host hears ticket:created', async () => {
    await panel.getByRole('button', { name: 'Still need help? Contact us' }).click();
    // Identified: no email field to fill.
    await expect(panel.getByLabel('Email')).toHaveCount(0);
    await panel.getByLabel('Subject').fill(subject);
    await panel.getByLabel('Message').fill('The export button on billing spins forever.');
    await panel
      .getByLabel('Attach files')
      .setInputFiles({ name: `console-${suffix}.txt`, mimeType: 'text/plain', buffer: Buffer.from('TypeError') });
    await panel.getByRole('button', { name: 'Send', exact: true }).click();
    const confirmation = panel.getByRole('status').getByText(/^Request .+ received\.$/);
    await expect(confirmation).toBeVisible();
    number = (await confirmation.textContent())!.replace(/^Request (.+) received\.$/, '$1');
    await expect
      .poll(() => visitor.evaluate(() => (window as unknown as { created: string[] }).created))
      .toEqual([number]);
    await panel.getByRole('button', { name: 'Done' }).click();
    await panel.getByRole('button', { name: 'Your conversations' }).click();
    await panel.getByRole('button', { name: new RegExp(subject) }).click();
    await expect(panel.getByText('The export button on billing spins forever.')).toBeVisible();
  });

  const reply = `We fixed the export for your account ${suffix}.`;
  await test.step('the agent sees the context card and replies', async () => {
    const digits = Number(number.match(/(\d+)\D*$/)![1]);
    await owner.goto(`/agent/tickets/${digits}`);
    const card = owner.getByTestId('ticket-context');
    await expect(card.getByText(`pro-${suffix}`)).toBeVisible();
    await expect(card.getByText(`${hostOrigin}/widget-demo.html`)).toBeVisible();
    await expect(card.getByText('Change your plan')).toBeVisible();
    await expect(owner.getByRole('link', { name: `console-${suffix}.txt` })).toBeVisible();
    const compose = owner.getByRole('form', { name: 'Compose message' });
    await compose.getByRole('button', { name: 'Public reply', exact: true }).click();
    await compose.getByRole('textbox', { name: 'Reply' }).fill(reply);
    await compose.getByRole('button', { name: 'Send reply' }).click();
  });

  await test.step('the identified visitor sees the reply live', async () => {
    await expect(panel.getByText(reply)).toBeVisible({ timeout: 15_000 });
  });

  await test.step('the agent solves it; the visitor rates it in the panel and the agent sees the rating', async () => {
    await owner.getByLabel('Status', { exact: true }).selectOption('solved');
    await expect(owner.getByLabel('Status', { exact: true })).toHaveValue('solved');
    // The solve arrives live, like the reply: the panel's conversation now asks for a rating.
    const survey = panel.getByRole('form', { name: 'Satisfaction survey' });
    await expect(survey).toBeVisible({ timeout: 15_000 });
    await survey.getByText('Good', { exact: true }).click();
    await expect(survey.getByRole('radio', { name: 'Good' })).toBeChecked();
    await survey.getByLabel('Anything you would like to add? (optional)').fill(`Rated in the widget ${suffix}`);
    await survey.getByRole('button', { name: 'Save feedback' }).click();
    await expect(panel.getByText('Thank you! Your feedback is saved.')).toBeVisible();
    await owner.reload();
    const rating = owner.getByRole('region', { name: 'Satisfaction' });
    await expect(rating.getByText(`Rated in the widget ${suffix}`)).toBeVisible();
  });

  await test.step('a forged signature sees nothing, and a failed filing offers a filled mailto', async () => {
    const forged = await openWidget(browser, '?forged=1');
    await expect(forged.panel.getByRole('button', { name: 'Still need help? Contact us' })).toBeVisible();
    await expect(forged.panel.getByRole('button', { name: 'Your conversations' })).toHaveCount(0);
    await forged.page.route('**/api/widget/*/requests', (route) => route.abort('connectionrefused'));
    await forged.panel.getByRole('button', { name: 'Still need help? Contact us' }).click();
    await forged.panel.getByLabel('Email').fill(`forged-${suffix}@e2e.test`);
    await forged.panel.getByLabel('Subject').fill(`Offline request ${suffix}`);
    await forged.panel.getByLabel('Message').fill('Typed while Cairn was down.');
    await forged.panel.getByRole('button', { name: 'Send', exact: true }).click();
    const mailto = forged.panel.getByTestId('widget-mailto');
    await expect(mailto).toBeVisible();
    const href = (await mailto.getAttribute('href'))!;
    expect(href).toMatch(/^mailto:/);
    expect(decodeURIComponent(href)).toContain(`Offline request ${suffix}`);
    expect(decodeURIComponent(href)).toContain('Typed while Cairn was down.');
    expect(decodeURIComponent(href)).toContain(`plan: pro-${suffix}`);
  });
});
