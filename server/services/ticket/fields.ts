import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createFieldInput } from '@/lib/validators/ticket';
import { ticketFields } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { isUniqueViolation } from '@/server/db/errors';
import { AppError, notFound } from '@/server/errors';

/** Every custom field of the workspace, archived ones included (they still label values on old tickets). */
export function listFields(scope: TenantScope) {
  return scope.db
    .select()
    .from(ticketFields)
    .where(eq(ticketFields.tenantId, scope.tenantId))
    .orderBy(asc(ticketFields.position), asc(ticketFields.label));
}

function checkOptions(input: z.output<typeof createFieldInput>) {
  if (input.type !== 'select') return [];
  if (!input.options.length)
    throw new AppError('BAD_REQUEST', `Add at least one option to the "${input.label}" list.`, { field: 'options' });
  const values = input.options.map((o) => o.value);
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated)
    throw new AppError('BAD_REQUEST', `The option "${repeated}" appears twice. Give each option its own value.`, {
      field: 'options',
    });
  return input.options;
}

export async function createField(scope: TenantScope, input: z.output<typeof createFieldInput>) {
  const options = checkOptions(input);
  const [last] = await scope.db
    .select({ position: sql<number>`coalesce(max(${ticketFields.position}), -1)::int` })
    .from(ticketFields)
    .where(eq(ticketFields.tenantId, scope.tenantId));
  try {
    const [row] = await scope.db
      .insert(ticketFields)
      .values({
        tenantId: scope.tenantId,
        key: input.key,
        label: input.label,
        type: input.type,
        options,
        required: input.required,
        visibleToCustomers: input.visibleToCustomers,
        position: Number(last?.position ?? -1) + 1,
      })
      .returning();
    return row!;
  } catch (error) {
    // Archived fields keep their key: values stored under it on old tickets must not change meaning.
    if (isUniqueViolation(error))
      throw new AppError(
        'CONFLICT',
        `A field with the key "${input.key}" already exists (perhaps archived). Choose another key.`,
        { field: 'key' },
      );
    throw error;
  }
}

/** Archiving hides a field from forms and validation; values already stored on tickets are kept. */
export async function archiveField(scope: TenantScope, input: { fieldId: string }) {
  const [row] = await scope.db
    .update(ticketFields)
    .set({ archivedAt: sql`coalesce(${ticketFields.archivedAt}, now())` })
    .where(and(eq(ticketFields.id, input.fieldId), eq(ticketFields.tenantId, scope.tenantId)))
    .returning();
  if (!row) throw notFound('The field');
  return row;
}
