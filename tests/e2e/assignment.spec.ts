import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// The demo workspace (server/services/workspace/seed-demo.ts): the Frontline team holds the two demo agents,
// both available with room, and assigns by least load with previous interactions on until an admin changes it.
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };
const TEAM = 'Frontline';
const TEAM_AGENTS = /Alex Agent|Sam Agent/;

test('an admin sets a team to round robin → a ticket moved to the team is assigned to one of its agents by the worker, and the activity says so', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const subject = `Cannot print invoices ${suffix}`;
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAsStaff(page, OWNER);

  // The innermost element holding both the team's heading and its member list is the team's card.
  const card = page
    .locator('div')
    .filter({ has: page.getByRole('heading', { name: TEAM, exact: true }) })
    .filter({ has: page.getByRole('list', { name: `Members of ${TEAM}` }) })
    .last();
  const savePolicy = async (policy: string, previousInteractions: boolean) => {
    await card.getByLabel('Assignment policy').selectOption({ label: policy });
    await card.getByLabel(/Previous interactions/).setChecked(previousInteractions);
    const saved = page.waitForResponse((r) => r.url().includes('assignment.updateTeam') && r.ok());
    await card.getByRole('button', { name: 'Save assignment' }).click();
    await saved;
  };

  await test.step('Admin → Teams: the team assigns round robin, previous interactions off', async () => {
    await page.goto('/admin/teams');
    await card.getByRole('button', { name: 'Assignment policy, capacity and skills' }).click();
    await expect(card.getByText('Available', { exact: true }).first()).toBeVisible();
    await savePolicy('Round robin', false);
    await expect(card.getByText('Each available agent in turn.')).toBeVisible();

    // Saved, not just chosen: a fresh page shows it.
    await page.reload();
    await card.getByRole('button', { name: 'Assignment policy, capacity and skills' }).click();
    await expect(card.getByLabel('Assignment policy').locator('option:checked')).toHaveText('Round robin');
    await expect(card.getByLabel(/Previous interactions/)).not.toBeChecked();
  });

  await test.step('a ticket is filed unassigned and moved to the team', async () => {
    await page.goto('/agent/tickets/new');
    await page.getByLabel('Requester email').fill(`printer-${suffix}@e2e.test`);
    await page.getByLabel('Requester name').fill('Parker Print');
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('Every invoice comes out blank since this morning.');
    await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect(page.getByRole('heading', { name: subject })).toBeVisible();
    await expect(page.getByLabel('Assignee').locator('option:checked')).toHaveText('Unassigned');
    const moved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('ticket.assign') && r.ok(),
    );
    await page.getByLabel('Team', { exact: true }).selectOption({ label: TEAM });
    await moved;
    await expect(page.getByLabel('Team', { exact: true }).locator('option:checked')).toHaveText(TEAM);
  });

  await test.step('the worker assigns it to an agent of the team, and the activity names the policy', async () => {
    // The assignment runs in the worker after the move's event: re-read the ticket until it lands.
    await expect(async () => {
      await page.reload();
      await expect(page.getByLabel('Assignee').locator('option:checked')).toHaveText(TEAM_AGENTS, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await page.getByRole('tab', { name: /Activity/ }).click();
    const activity = page.getByRole('list', { name: 'Activity' });
    await expect(activity.getByText('assigned the ticket by assignment policy')).toBeVisible();
    await expect(activity.getByText(`Assignment policy of team ${TEAM} (round robin)`)).toBeVisible();
  });

  await test.step('the team is set back as seeded, so later specs see the demo unchanged', async () => {
    await page.goto('/admin/teams');
    await card.getByRole('button', { name: 'Assignment policy, capacity and skills' }).click();
    await savePolicy('Least loaded', true);
  });
});
