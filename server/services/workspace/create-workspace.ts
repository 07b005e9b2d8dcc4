import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { memberships, tenants, users } from '@/server/db/schema';
import { isUniqueViolation } from '@/server/db/errors';
import { runInTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { hashPassword } from '@/server/services/auth/password';
import { seedDefaultCategories } from '@/server/services/ticket/categories';
import { seedDefaultTicketTypes } from '@/server/services/ticket/ticket-types';

const slugTaken = () =>
  new AppError('CONFLICT', 'That workspace address is already taken. Choose another one.', { field: 'slug' });

/** A new workspace with the given existing user as its owner. */
export async function createWorkspace(input: { name: string; slug: string; ownerUserId: string }) {
  const tenantId = randomUUID();
  try {
    return await runInTenant(
      tenantId,
      async (scope) => {
        const [workspace] = await scope.db
          .insert(tenants)
          .values({ id: tenantId, name: input.name, slug: input.slug })
          .returning();
        await scope.db.insert(memberships).values({ tenantId, userId: input.ownerUserId, role: 'owner' });
        await seedDefaultCategories(scope);
        await seedDefaultTicketTypes(scope);
        return workspace!;
      },
      input.ownerUserId,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_slug_key')) throw slugTaken();
    throw error;
  }
}

/** Staff sign-up: a new person, their workspace, and their ownership of it, in one transaction. */
export async function signUpWithWorkspace(input: {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  workspaceSlug: string;
}) {
  const tenantId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    return await runInTenant(tenantId, async (scope) => {
      const { db } = scope;
      const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (existing.length) {
        throw new AppError(
          'CONFLICT',
          'An account with this email already exists. Sign in, then create the workspace from the workspace menu.',
          { field: 'email' },
        );
      }
      const [user] = await db
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash })
        .returning({ id: users.id });
      const [workspace] = await db
        .insert(tenants)
        .values({ id: tenantId, name: input.workspaceName, slug: input.workspaceSlug })
        .returning();
      await db.insert(memberships).values({ tenantId, userId: user!.id, role: 'owner' });
      await seedDefaultCategories(scope);
      await seedDefaultTicketTypes(scope);
      return { userId: user!.id, workspace: workspace! };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'tenants_slug_key')) throw slugTaken();
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.', { field: 'email' });
    }
    throw error;
  }
}
