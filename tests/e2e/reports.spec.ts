import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInAsStaff } from './sign-in';

// The demo workspace (seeded on first start through the services): its tickets' events reach the worker's
// rollup consumer, so the dashboard counts them without any rebuild.
const OWNER = { email: 'owner@acme.test', password: 'cairn-demo-owner' };

test('an admin opens the dashboard, sees figures, drills down to a ticket and exports CSV', async ({ page }) => {
  test.setTimeout(40_000);
  await signInAsStaff(page, OWNER);

  await test.step('the dashboard shows the workspace figures once the worker has counted them', async () => {
    await page.goto('/agent/reports');
    await expect(page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
    const created = page.getByRole('link', { name: /^Created: \d+, list the tickets$/ });
    await expect(created).toBeVisible({ timeout: 15_000 });
    // On a fresh start the worker may still be dispatching the demo's events: reload until they count.
    await expect(async () => {
      if (/^Created: 0,/.test((await created.getAttribute('aria-label')) ?? '')) await page.reload();
      await expect(created).not.toHaveAccessibleName(/^Created: 0,/, { timeout: 5_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole('heading', { name: 'Volume' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Agents' })).toBeVisible();
  });

  await test.step('a table exports as CSV', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Tickets created by channel as CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Channel,Created');
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
  });

  await test.step('the number opens the tickets it counts, and one of them opens', async () => {
    const label = await page.getByRole('link', { name: /^Created: \d+, list the tickets$/ }).getAttribute('aria-label');
    const count = Number(/Created: (\d+)/.exec(label ?? '')![1]);
    await page.getByRole('link', { name: /^Created: \d+, list the tickets$/ }).click();
    await expect(page.getByRole('heading', { name: 'Created tickets' })).toBeVisible();
    const rows = page.getByRole('table', { name: 'Created tickets' }).getByRole('row');
    // A header row, then one row per counted ticket (the demo has fewer than a page).
    await expect(rows).toHaveCount(count + 1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Created tickets as CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Number,Subject,Status,Priority,Created');
    expect(csv.trim().split('\r\n')).toHaveLength(count + 1);

    const first = rows.nth(1).getByRole('link');
    const subject = await rows.nth(1).getByRole('cell').nth(1).innerText();
    await first.click();
    await expect(page).toHaveURL(/\/agent\/tickets\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  });
});

test('filters combine as removable chips and follow the numbers into the drill-down', async ({ page }) => {
  test.setTimeout(30_000);
  await signInAsStaff(page, OWNER);
  await page.goto('/agent/reports');
  const created = page.getByRole('link', { name: /^Created: \d+, list the tickets$/ });
  await expect(created).toBeVisible({ timeout: 15_000 });

  const filterBy = page.getByLabel('Filter by');
  const add = page.getByRole('button', { name: 'Add filter' });
  await filterBy.selectOption('channel');
  await page.getByLabel('Channel', { exact: true }).selectOption('email');
  await add.click();
  await filterBy.selectOption('priority');
  await page.getByLabel('Priority', { exact: true }).selectOption('normal');
  await add.click();

  const chips = page.getByRole('list', { name: 'Filters in use' });
  await expect(chips.getByRole('button', { name: /^Remove filter / })).toHaveCount(2);
  await expect(chips.getByRole('button', { name: 'Remove filter Channel: Email' })).toBeVisible();
  // Both filters reach the server and every number's list.
  await expect(created).toHaveAttribute('href', /[?&]channel=email&priority=normal(&|$)/);

  await chips.getByRole('button', { name: 'Remove filter Channel: Email' }).click();
  await expect(chips.getByRole('button', { name: /^Remove filter / })).toHaveCount(1);
  await expect(created).toHaveAttribute('href', /[?&]priority=normal(&|$)/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(chips).toHaveCount(0);
  await expect(created).not.toHaveAttribute('href', /priority=/);
});
