import { expect, test } from '@playwright/test';
import { signInAsStaff, signInToPortal } from './sign-in';

// The demo workspace seeded on first start (README, server/services/workspace/seed-demo.ts).
const WORKSPACE = 'acme';
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };

/** A made-up word unique to this run (base36 digits mapped to letters), so searches find this run's article. */
function uniqueWord(suffix: string) {
  return `zq${suffix.replace(/\d/g, (d) => 'bcdfghjklm'[Number(d)]!)}`;
}

test('an admin publishes an article → a visitor finds it despite a typo → votes helpful → it is suggested on the contact form', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const word = uniqueWord(suffix);
  const title = `Rotate the ${word} webhook signing secret`;
  const bodyLine = `Open Settings → Webhooks and press Rotate secret for ${word}.`;

  const adminContext = await browser.newContext({ baseURL });
  const admin = await adminContext.newPage();
  let articlePath = '';

  await test.step('the admin writes the article and publishes it', async () => {
    await signInAsStaff(admin, OWNER);
    await admin.goto('/agent/knowledge/new');
    await admin.getByLabel('Title').fill(title);
    await expect(admin.getByLabel('Address')).toHaveValue(`rotate-the-${word}-webhook-signing-secret`);
    await admin.getByLabel('Search keywords').fill('webhook secret, signature, hmac');
    await admin
      .getByLabel('Body in Markdown')
      .fill(`## Why rotate\n\nA leaked secret lets anyone sign webhooks.\n\n${bodyLine}\n`);
    await admin.getByRole('button', { name: 'Create draft' }).click();
    await expect(admin).toHaveURL(/\/agent\/knowledge\/[0-9a-f-]{36}$/);
    const status = admin.getByRole('region', { name: 'Status' });
    await expect(status.getByText('Draft', { exact: true })).toBeVisible();
    await status.getByRole('button', { name: 'Publish now' }).click();
    const live = status.getByRole('link', { name: 'View in the help center' });
    await expect(live).toBeVisible();
    articlePath = new URL((await live.getAttribute('href'))!, baseURL).pathname;
    expect(articlePath).toBe(`/${WORKSPACE}/help/articles/rotate-the-${word}-webhook-signing-secret`);
  });

  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();

  await test.step('a visitor finds it by searching with typos', async () => {
    await visitor.goto(`/${WORKSPACE}/help`);
    const search = visitor.getByRole('combobox', { name: 'Search articles' });
    // "webhok" and "secrett": full-text search finds nothing, the typo-tolerant pass does.
    await search.fill(`${word} webhok secrett`);
    const suggestions = visitor.getByRole('listbox', { name: 'Suggested articles' });
    await expect(suggestions.getByRole('option', { name: new RegExp(title) })).toBeVisible();
    // The full results page (Enter with nothing highlighted) finds it too, and opens it.
    await search.press('Enter');
    await expect(visitor).toHaveURL(/\/help\?q=/);
    const results = visitor.getByRole('region', { name: 'Search results' });
    await results.getByRole('link', { name: title }).click();
    await expect(visitor).toHaveURL(new RegExp(`${articlePath}$`));
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(visitor.getByText(bodyLine)).toBeVisible();
  });

  await test.step('the visitor votes it helpful', async () => {
    const feedback = visitor.getByRole('region', { name: 'Was this article helpful?' });
    await feedback.getByRole('button', { name: 'Yes' }).click();
    await expect(feedback.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
    await feedback.getByLabel('Anything we could add? (optional)').fill('Exactly what I needed.');
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    await expect(visitor.getByRole('status').filter({ hasText: 'Thanks for your feedback.' })).toBeVisible();
    // The vote counts: the knowledge base shows it against the article.
    await admin.goto('/agent/knowledge');
    const row = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: title }) });
    await expect(row).toContainText('100% of 1');
  });

  await test.step('on the contact form, the article is suggested for a matching subject', async () => {
    await signInToPortal(visitor, WORKSPACE, `reader-${suffix}@e2e.test`);
    await visitor.goto(`/${WORKSPACE}/portal/new`);
    await visitor.getByLabel('Subject').fill(`How do I rotate my ${word} webhook secret?`);
    const suggested = visitor.getByRole('region', { name: 'These articles may answer your question' });
    const link = suggested.getByRole('link', { name: title });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', articlePath);
  });

  await visitorContext.close();
  await adminContext.close();
});
