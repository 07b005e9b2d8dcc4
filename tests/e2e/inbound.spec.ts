import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// Issue 11 in the browser: the demo's received mail (server/services/inbound/seed-demo-inbound.ts) on
// Admin → Email, an admin deciding on held messages, and the agent's view of a mailed-in ticket.
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };

test('the admin reviews received mail (quarantine, unprocessed) and the agent sees CC and folded quotes', async ({
  page,
}) => {
  await signInAsStaff(page, OWNER);
  await page.goto('/admin/email');
  const received = page.getByRole('tabpanel');
  await expect(page.getByRole('heading', { name: 'Received mail' })).toBeVisible();
  await expect(page.getByText('Trusted authserv-id')).toBeVisible();
  await expect(received.getByText('Projector in meeting room 2 will not turn on')).toBeVisible();

  await test.step('a quarantined phish is deleted after confirming; it leaves the list', async () => {
    await page.getByRole('tab', { name: 'Quarantine' }).click();
    await expect(received.getByText('Urgent: confirm your account')).toBeVisible();
    await received.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(received.getByText('No message is held: nothing failed DMARC.')).toBeVisible();
  });

  await test.step('an unprocessed message is discarded; the recent list says so', async () => {
    await page.getByRole('tab', { name: 'Unprocessed' }).click();
    await received.getByRole('button', { name: 'Discard' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await expect(received.getByText('Every message was processed: nothing to retry.')).toBeVisible();
    await page.getByRole('tab', { name: 'Last 50' }).click();
    await expect(received.getByText('Discarded by an admin.')).toBeVisible();
    await expect(received.getByText('Deleted from quarantine by an admin.')).toBeVisible();
  });

  await test.step('the mailed-in ticket shows its CC participant and folds the quoted history', async () => {
    await received
      .getByRole('link', { name: /Ticket #/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Projector in meeting room 2 will not turn on' })).toBeVisible();
    await expect(page.getByText('dana@example.com')).toBeVisible();
    const quoted = page.getByText('The projectors get new lamps this week.');
    await expect(quoted).toBeHidden();
    await page.getByText('Show quoted text').click();
    await expect(quoted).toBeVisible();
  });
});
