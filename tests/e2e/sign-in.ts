import { expect, type Page } from '@playwright/test';
import { firstLink, waitForMail } from './mailbox';

const dataDir = process.env.E2E_DATA_DIR ?? './.data/e2e';

/** Staff sign in with email and password, as on /signin. */
export async function signInAsStaff(page: Page, who: { email: string; password: string }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/agent/);
}

/** A customer signs in to a workspace's portal through the magic link the worker mails out. */
export async function signInToPortal(page: Page, workspace: string, email: string) {
  await page.goto(`/${workspace}/portal`);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByText('Check your email')).toBeVisible();
  const mail = await waitForMail(dataDir, email);
  const link = new URL(firstLink(mail.text, '/portal/auth'));
  await page.goto(link.pathname + link.search);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}
