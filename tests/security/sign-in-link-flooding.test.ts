import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageForRateLimitedCode } from '@/server/auth/sign-in-messages';
import { resetTransport } from '@/server/email/transport';
import { newBrowser, postSignInLink, randomPeer } from '../helpers/auth-http';
import { createWorkspace, uniqueEmail } from '../helpers/factories';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// Issue 9, hole 3: staff sign-in link mails were unlimited through Auth.js's /api/auth/signin/nodemailer.
// Now limited per address (one inbox) and per IP (one sender), with the same answer for every address.

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  resetTransport();
});

afterAll(async () => {
  resetTransport();
  await smtp?.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

describe('sign-in link flooding', () => {
  it('sends at most five links to one inbox, however many addresses ask', async () => {
    const ws = await createWorkspace();
    const outcomes = [];
    for (let i = 0; i < 8; i++) outcomes.push(await postSignInLink(newBrowser({ peer: randomPeer() }), ws.owner.email));
    expect(outcomes.slice(0, 5).map((o) => o.path)).toEqual(Array(5).fill('/api/auth/verify-request'));
    for (const o of outcomes.slice(5)) {
      expect(o).toMatchObject({ path: '/signin', error: 'TooManyRequests' });
      expect(messageForRateLimitedCode(o.code)).toMatch(
        /^Too many sign-in links requested\. Try again in \d+ minutes?\.$/,
      );
    }
    await smtp.waitForMailTo(ws.owner.email);
    await settle();
    expect(smtp.mailsTo(ws.owner.email)).toHaveLength(5);
  });

  it('refuses one address asking for links to many inboxes', async () => {
    const peer = randomPeer();
    const outcomes = [];
    for (let i = 0; i < 24; i++) outcomes.push(await postSignInLink(newBrowser({ peer }), uniqueEmail('inbox')));
    expect(outcomes.slice(0, 20).every((o) => o.path === '/api/auth/verify-request')).toBe(true);
    expect(outcomes.slice(20).every((o) => o.error === 'TooManyRequests')).toBe(true);
  });
});
