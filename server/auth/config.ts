import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Nodemailer from 'next-auth/providers/nodemailer';
import { headers as nextHeaders } from 'next/headers';
import { z } from 'zod';
import { env } from '@/lib/env';
import { signInLinkEmail } from '@/emails/sign-in-link';
import { sendMail } from '@/server/email/transport';
import { AppError, logError } from '@/server/errors';
import {
  endStaffSession,
  STAFF_SESSION_DAYS,
  startStaffSession,
  touchStaffSession,
} from '@/server/services/auth/sessions';
import { findUserByEmail, verifyCredentials } from '@/server/services/auth/verify-credentials';
import { appRoleAdapter } from './adapter';
import { resolveClientIp } from './client-ip';
import { consumeRateLimit } from './rate-limit';
import { rateLimitedCode } from './sign-in-messages';

export const STAFF_LINK_TTL_MINUTES = 15;

declare module 'next-auth' {
  interface Session {
    /** The staff session's row id (server/services/auth/sessions.ts): what "end this session" names. */
    sessionId?: string;
  }
}

const credentialsSchema = z.object({ email: z.email().trim().toLowerCase(), password: z.string().min(1).max(200) });

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}

/** Carries the wait to the sign-in page, which Auth.js redirects to with `?code=`. */
class TooManyAttempts extends CredentialsSignin {
  constructor(minutes: number) {
    super();
    this.code = rateLimitedCode('attempts', minutes);
  }
}

/**
 * The request's headers: Auth.js's own routes pass the request; server actions and server components
 * (signIn, signOut, auth()) run inside Next's request scope instead.
 */
async function requestHeaders(req: Request | undefined) {
  if (req) return req.headers;
  try {
    return new Headers(await nextHeaders());
  } catch {
    return new Headers();
  }
}

/** Waits in whole minutes from a limiter's AppError. */
const retryMinutes = (error: AppError) => Number(error.details?.retryAfterMinutes ?? 15);

// Built per request (Auth.js lazy initialisation) so callbacks without a request argument still see who asks.
function authConfigFor(req: Request | undefined): NextAuthConfig {
  return {
    adapter: appRoleAdapter(),
    // JWT sessions, each naming a row in `sessions` that is checked on every request (see callbacks.jwt):
    // revocable at once, for one primary-key read per request. Auth.js database sessions would cost a join
    // of sessions and users per request and do not work with password sign-in at all.
    session: { strategy: 'jwt', maxAge: STAFF_SESSION_DAYS * 86_400 },
    secret: env.AUTH_SECRET,
    trustHost: true,
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
    logger: {
      // A wrong or throttled password is an answer, not a server error: no stack trace per guess.
      error(error) {
        if (!(error instanceof CredentialsSignin)) logError(error);
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          try {
            const user = await verifyCredentials(parsed.data, resolveClientIp(request.headers));
            if (!user) throw new InvalidCredentials();
            return { id: user.id, email: user.email, name: user.name };
          } catch (error) {
            if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS')
              throw new TooManyAttempts(retryMinutes(error));
            throw error;
          }
        },
      }),
      Nodemailer({
        server: env.SMTP_URL ?? 'smtp://localhost:25',
        from: env.MAIL_FROM,
        maxAge: STAFF_LINK_TTL_MINUTES * 60,
        async sendVerificationRequest({ identifier, url }) {
          // Every address gets the same answer at the same speed: the mail goes out in the background, and
          // only to an existing account; a mail server error is logged, not shown.
          const user = await findUserByEmail(identifier);
          if (!user) return;
          void signInLinkEmail({
            brand: { name: 'Cairn' },
            url,
            expiresInMinutes: STAFF_LINK_TTL_MINUTES,
            audience: 'staff',
          })
            .then((mail) => sendMail({ to: identifier, ...mail, printLinksLocally: true }))
            .catch(logError);
        },
      }),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        if (email?.verificationRequest) {
          // Limits per address and per IP, applied before anything depends on whether the address exists.
          const address = (user.email ?? '').toLowerCase();
          try {
            await consumeRateLimit('signInLinkPerAddress', address);
            await consumeRateLimit('signInLinkPerIp', resolveClientIp(await requestHeaders(req)));
          } catch (error) {
            if (error instanceof AppError && error.code === 'TOO_MANY_REQUESTS') {
              return `/signin?${new URLSearchParams({ error: 'TooManyRequests', code: rateLimitedCode('links', retryMinutes(error)) })}`;
            }
            throw error;
          }
          return true;
        }
        // A link must never create an account: it signs in existing staff only.
        if (account?.type === 'email') return Boolean(user.email && (await findUserByEmail(user.email)));
        return true;
      },
      async jwt({ token, user }) {
        if (user?.id) {
          const h = await requestHeaders(req);
          token.uid = user.id;
          token.sid = await startStaffSession({
            userId: user.id,
            userAgent: h.get('user-agent'),
            ip: resolveClientIp(h),
          });
          return token;
        }
        // Tokens from before sessions were recorded, or whose session was ended, sign the person out.
        if (typeof token.uid !== 'string' || typeof token.sid !== 'string') return null;
        return (await touchStaffSession(token.sid, token.uid)) ? token : null;
      },
      session({ session, token }) {
        if (typeof token.uid === 'string') session.user.id = token.uid;
        if (typeof token.sid === 'string') session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined;
        if (typeof sid === 'string') await endStaffSession(sid);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth((req) => authConfigFor(req));
