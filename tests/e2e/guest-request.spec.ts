import { expect, test } from '@playwright/test';
import { firstLink, waitForMail } from './mailbox';

// A visitor who never signed in files a request from the portal, with a file; the confirmation mail's link
// opens that request. The demo workspace seeded on first start (README).
const WORKSPACE = 'acme';
const dataDir = process.env.E2E_DATA_DIR ?? './.data/e2e';

test('a guest files from the portal, follows the link from the mail and sees the ticket', async ({ page }) => {
  const suffix = Date.now().toString(36);
  const email = `guest-${suffix}@e2e.test`;
  const subject = `The export button does nothing (${suffix})`;

  await test.step('the sign-in page offers the request form without signing in', async () => {
    await page.goto(`/${WORKSPACE}/portal`);
    await page.getByRole('link', { name: 'Submit a request without signing in' }).click();
    await expect(page).toHaveURL(new RegExp(`/${WORKSPACE}/portal/new$`));
  });

  await test.step('bad input is named beside its field; nothing is sent', async () => {
    await page.getByLabel('Name').fill('Robin Guest');
    await page.getByLabel('Email').fill('not-an-address');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.getByText('Enter a valid email address, like name@example.com.')).toBeVisible();
  });

  await test.step('the guest files with an attachment and is told where the link went', async () => {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Message').fill('I click Export on the reports page and nothing downloads.');
    await page.getByLabel(/Attachments/).setInputFiles({
      name: 'steps.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('1. Open reports\n2. Click Export\n'),
    });
    await expect(page.getByRole('list', { name: 'Files to send' })).toContainText('steps.txt');
    await page.getByRole('button', { name: 'Submit request' }).click();
    await expect(page.getByRole('heading', { name: 'We received your request' })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
  });

  await test.step('the link in the confirmation mail opens that request', async () => {
    const mail = await waitForMail(dataDir, email);
    await page.goto(firstLink(mail.text, '/portal/access'));
    await expect(page).toHaveURL(new RegExp(`/${WORKSPACE}/portal/tickets/[0-9a-f-]{36}$`));
    await expect(page.getByRole('heading', { name: subject })).toBeVisible();
    await expect(page.getByText('I click Export on the reports page')).toBeVisible();
    await expect(page.getByRole('link', { name: /steps\.txt/ })).toBeVisible();
  });
});
