import { hkdf } from 'node:crypto';
import { promisify } from 'node:util';
import { jwtDecrypt } from 'jose';
import { env } from '@/lib/env';
import { touchStaffSession } from '@/server/services/auth/sessions';

/** The staff session as a request needs it: who, and which issue of the session (its `jti`). */
export type StaffSession = { userId: string; version: string | null; sessionId: string };

/** Auth.js's cookie names: plain http, and https (`__Secure-`). Each name is also the key's salt. */
export const STAFF_SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'] as const;

const derive = promisify(hkdf);
const keys = new Map<string, Promise<Uint8Array>>();

/**
 * Auth.js's encryption key for a cookie name: HKDF(sha256, AUTH_SECRET, salt = the name), as
 * @auth/core/jwt derives it. Derived once per name and secret, not on every request.
 */
function encryptionKey(secret: string, salt: string, length: number) {
  const id = `${length}|${salt}|${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = derive('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, length).then(
      (bits) => new Uint8Array(bits),
    );
    keys.set(id, key);
  }
  return key;
}

/** Auth.js splits a cookie over 4 KB into `name.0`, `name.1`…; ours are small, but a split one still reads. */
function cookieValue(readCookie: (name: string) => string | undefined, name: string) {
  const whole = readCookie(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let i = 0; ; i++) {
    const chunk = readCookie(`${name}.${i}`);
    if (!chunk) break;
    chunks.push(chunk);
  }
  return chunks.join('') || undefined;
}

/**
 * The signed-in staff member from the Auth.js session cookie, decrypted here with jose instead of a full
 * `auth()` round (which builds a Request, runs the callbacks and rewrites the cookie on every call): the
 * same JWE check (A256CBC-HS512 or A256GCM, `dir`, expiry with 15 s tolerance), a fraction of the cost.
 * The one place a request's staff session is checked: a server-side revocation check belongs here.
 */
export async function readStaffSession(readCookie: (name: string) => string | undefined): Promise<StaffSession | null> {
  const secret = env.AUTH_SECRET;
  if (!secret) return null;
  for (const name of STAFF_SESSION_COOKIES) {
    const token = cookieValue(readCookie, name);
    if (!token) continue;
    try {
      const { payload } = await jwtDecrypt(
        token,
        ({ enc }) => encryptionKey(secret, name, enc === 'A256GCM' ? 32 : 64),
        {
          clockTolerance: 15,
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256CBC-HS512', 'A256GCM'],
        },
      );
      // `uid` is what the jwt callback (server/auth/config.ts) puts in; auth() reads the user id from it too.
      const userId = typeof payload.uid === 'string' ? payload.uid : null;
      const sessionId = typeof payload.sid === 'string' ? payload.sid : null;
      // Revocable sessions: the cookie alone is not enough, its row must still exist (sign-out, a password
      // change or removal from a workspace delete it). One primary-key read, no cache, so revocation is
      // immediate in every process.
      if (!userId || !sessionId || !(await touchStaffSession(sessionId, userId))) return null;
      return { userId, version: typeof payload.jti === 'string' ? payload.jti : null, sessionId };
    } catch {
      // Expired, tampered with, or sealed with another secret: no session, as auth() would answer.
    }
  }
  return null;
}
