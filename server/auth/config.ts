import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import Nodemailer from 'next-auth/providers/nodemailer';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { env } from '@/lib/env';
import { signInLinkEmail } from '@/emails/sign-in-link';
import { users } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';
import { sendMail } from '@/server/email/transport';
import { verifyPassword } from '@/server/services/auth/password';
import { appRoleAdapter } from './adapter';

export const STAFF_LINK_TTL_MINUTES = 15;

const credentialsSchema = z.object({ email: z.email().trim().toLowerCase(), password: z.string().min(1).max(200) });

class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}

async function findUserByEmail(email: string) {
  const [user] = await runWithoutTenant((tx) => tx.select().from(users).where(eq(users.email, email)));
  return user ?? null;
}

export const authConfig = {
  adapter: appRoleAdapter(),
  // JWT sessions: password sign-in requires them, and they spare a database read per request.
  session: { strategy: 'jwt', maxAge: 30 * 86_400 },
  secret: env.AUTH_SECRET,
  trustHost: true,
  pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const user = await findUserByEmail(parsed.data.email);
        const ok = await verifyPassword(parsed.data.password, user?.passwordHash);
        if (!user || !ok) throw new InvalidCredentials();
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    Nodemailer({
      server: env.SMTP_URL ?? 'smtp://localhost:25',
      from: env.MAIL_FROM,
      maxAge: STAFF_LINK_TTL_MINUTES * 60,
      async sendVerificationRequest({ identifier, url }) {
        const mail = signInLinkEmail({ brand: { name: 'Cairn' }, url, expiresInMinutes: STAFF_LINK_TTL_MINUTES, audience: 'staff' });
        await sendMail({ to: identifier, ...mail });
      },
    }),
  ],
  callbacks: {
    // Magic links only for existing staff: a link must never create an account on its own.
    async signIn({ user, email }) {
      if (email?.verificationRequest) return Boolean(user.email && (await findUserByEmail(user.email.toLowerCase())));
      return true;
    },
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
