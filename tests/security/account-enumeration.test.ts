import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetTransport } from '@/server/email/transport';
import { newBrowser, postCredentials, postSignInLink } from '../helpers/auth-http';
import { createUser, createWorkspace, uniqueEmail } from '../helpers/factories';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// Issue 9, hole 8: the staff sign-in form told which addresses have accounts ("There is no Cairn account
// for that email"). Every address now gets the same answer; a link goes out only to a real account.

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  resetTransport();
});

afterAll(async () => {
  resetTransport();
  await smtp?.close();
});

describe('which addresses have accounts', () => {
  it('answers a sign-in link request the same for a real and an unknown address, and mails only the real one', async () => {
    const ws = await createWorkspace();
    const unknown = uniqueEmail('nobody');
    const real = await postSignInLink(newBrowser(), ws.owner.email);
    const fake = await postSignInLink(newBrowser(), unknown);
    expect(fake).toEqual(real);
    expect(real).toMatchObject({ status: 302, path: '/api/auth/verify-request', error: null });
    await smtp.waitForMailTo(ws.owner.email);
    expect(smtp.mailsTo(unknown)).toEqual([]);

    // Passwords: an unknown address, an account without a password and a wrong password read alike.
    const linkOnly = await createUser();
    const answers = await Promise.all([
      postCredentials(newBrowser(), uniqueEmail('nobody'), 'password123'),
      postCredentials(newBrowser(), linkOnly.email, 'password123'),
      postCredentials(newBrowser(), ws.owner.email, 'password123'),
    ]);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
  });
});
