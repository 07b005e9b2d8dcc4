import { NextRequest } from 'next/server';
import { handlers } from '@/server/auth/config';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';

// Auth.js's own endpoints (/api/auth/...) called the way a browser or a script would: through the route
// handler, with a CSRF token and cookies. The peer address is what scripts/serve-web.ts would stamp.

const ORIGIN = 'http://localhost:3000';

export type Browser = {
  cookies: Map<string, string>;
  /** The socket address our web server would see. */
  peer: string;
  userAgent: string;
  /** Extra headers the client sends, e.g. a forged X-Forwarded-For. */
  headers?: Record<string, string>;
};

export const randomPeer = () => `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;

export function newBrowser(opts: Partial<Browser> = {}): Browser {
  return {
    cookies: new Map(),
    peer: opts.peer ?? randomPeer(),
    userAgent: opts.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    headers: opts.headers,
  };
}

/** A second browser holding the same cookies: what an attacker who copied them would replay. */
export const copyOf = (browser: Browser): Browser => ({ ...browser, cookies: new Map(browser.cookies) });

async function call(browser: Browser, method: 'GET' | 'POST', path: string, form?: Record<string, string>) {
  const headers = new Headers({
    'user-agent': browser.userAgent,
    [PEER_ADDRESS_HEADER]: browser.peer,
    ...browser.headers,
  });
  if (browser.cookies.size) headers.set('cookie', [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  if (form) headers.set('content-type', 'application/x-www-form-urlencoded');
  const req = new NextRequest(`${ORIGIN}/api/auth/${path}`, {
    method,
    headers,
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  const res = await (method === 'GET' ? handlers.GET(req) : handlers.POST(req));
  for (const cookie of res.headers.getSetCookie()) {
    const [pair, ...attributes] = cookie.split(';');
    const index = pair!.indexOf('=');
    const name = pair!.slice(0, index).trim();
    const value = pair!.slice(index + 1).trim();
    const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
    if (!value || expired) browser.cookies.delete(name);
    else browser.cookies.set(name, value);
  }
  return res;
}

async function csrfToken(browser: Browser) {
  const res = await call(browser, 'GET', 'csrf');
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** Where Auth.js sent the browser, parsed: `/signin?error=…&code=…` or the callback URL. */
export function outcome(res: Response) {
  const location = res.headers.get('location') ?? '';
  const url = new URL(location || '/', ORIGIN);
  return {
    status: res.status,
    path: url.pathname,
    error: url.searchParams.get('error'),
    code: url.searchParams.get('code'),
  };
}

/** POST /api/auth/callback/credentials, as the sign-in form's neighbour endpoint takes it. */
export async function postCredentials(browser: Browser, email: string, password: string) {
  const res = await call(browser, 'POST', 'callback/credentials', {
    email,
    password,
    csrfToken: await csrfToken(browser),
    callbackUrl: `${ORIGIN}/agent`,
  });
  return outcome(res);
}

/** POST /api/auth/signin/nodemailer: asks for a staff sign-in link. */
export async function postSignInLink(browser: Browser, email: string) {
  const res = await call(browser, 'POST', 'signin/nodemailer', {
    email,
    csrfToken: await csrfToken(browser),
    callbackUrl: `${ORIGIN}/agent`,
  });
  return outcome(res);
}

/** GET /api/auth/session: the session Auth.js (and so auth()) sees for these cookies, or null. */
export async function sessionOf(browser: Browser) {
  const res = await call(browser, 'GET', 'session');
  return (await res.json()) as { user?: { id?: string; email?: string }; sessionId?: string } | null;
}

/** POST /api/auth/signout, as the sign-out button does. */
export async function postSignOut(browser: Browser) {
  const res = await call(browser, 'POST', 'signout', {
    csrfToken: await csrfToken(browser),
    callbackUrl: `${ORIGIN}/signin`,
  });
  return outcome(res);
}
