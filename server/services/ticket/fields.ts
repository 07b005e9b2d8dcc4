import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createFieldInput, updateFieldInput } from '@/lib/validators/ticket';
import { ticketFields, tickets, type CustomFieldOption } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { listManagedRecords } from './managed-records';
import { removeFieldOptions } from './remove-field-options';
import { rewriteTickets } from './rewrite-tickets';

/** Every custom field of the workspace, archived ones included (they still label values on old tickets). */
export function listFields(scope: TenantScope) {
  return listManagedRecords(scope, ticketFields, ticketFields.label);
}

function checkOptions(input: { type: string; label: string; options: CustomFieldOption[] }) {
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
  // Archived fields keep their key: values stored under it on old tickets must not change meaning.
  const keyTaken = () =>
    new AppError(
      'CONFLICT',
      `A field with the key "${input.key}" already exists (perhaps archived). Choose another key.`,
      {
        field: 'key',
      },
    );
  return withUniqueViolationAs(keyTaken, () =>
    insertInWorkspace(scope, ticketFields, {
      key: input.key,
      label: input.label,
      type: input.type,
      options,
      required: input.required,
      requiredOnSolve: input.requiredOnSolve,
      visibleToCustomers: input.visibleToCustomers,
      position: Number(last?.position ?? -1) + 1,
    }),
  );
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

/** Tickets holding a value (not null) per field key: what deleting the field, or one of its options, touches. */
export async function fieldUsage(scope: TenantScope) {
  const result = await scope.db.execute<{ key: string; value: string | null; tickets: number }>(sql`
    select f.key, case when f.type = 'select' then t.custom_fields ->> f.key end as value, count(*)::int as tickets
    from ${ticketFields} f
    join ${tickets} t on t.tenant_id = f.tenant_id and t.custom_fields ? f.key and t.custom_fields -> f.key <> 'null'::jsonb
    where f.tenant_id = ${scope.tenantId}
    group by 1, 2`);
  return result.rows.map((r) => ({ key: r.key, value: r.value, tickets: Number(r.tickets) }));
}

async function fieldById(scope: TenantScope, fieldId: string) {
  const [field] = await scope.db.select().from(ticketFields).where(eq(ticketFields.id, fieldId));
  if (!field) throw notFound('The field');
  return field;
}

/**
 * Changes a field's label, options or rules. Its key and type stay: values stored under them on tickets
 * must keep their meaning. Removing an option that tickets still hold needs an answer saying where those
 * tickets go (another option, or no value); they are rewritten through the ticket pipeline in this
 * transaction, so no ticket is left with a value the form can no longer show.
 */
export async function updateField(scope: StaffScope, input: z.output<typeof updateFieldInput>) {
  const field = await fieldById(scope, input.fieldId);
  const options = input.options ? checkOptions({ ...field, options: input.options }) : field.options;
  await removeFieldOptions(scope, field, {
    label: input.label ?? field.label,
    kept: options,
    answers: input.removedOptions ?? [],
  });
  const [row] = await scope.db
    .update(ticketFields)
    .set({
      label: input.label,
      options,
      required: input.required,
      requiredOnSolve: input.requiredOnSolve,
      visibleToCustomers: input.visibleToCustomers,
    })
    .where(eq(ticketFields.id, field.id))
    .returning();
  return row!;
}

/**
 * Deletes a field and clears its values from every ticket holding one, each through the ticket pipeline
 * (activity with the reason), in the same transaction. Archiving is the way to hide a field but keep values.
 */
export async function deleteField(scope: StaffScope, input: { fieldId: string }) {
  const field = await fieldById(scope, input.fieldId);
  const cleared = await rewriteTickets(
    scope,
    and(eq(tickets.tenantId, scope.tenantId), sql`${tickets.customFields} ? ${field.key}`)!,
    (ticket) => {
      const { [field.key]: _dropped, ...rest } = ticket.customFields;
      return { customFields: rest };
    },
    `Field "${field.label}" was deleted; its value was cleared`,
  );
  await scope.db.delete(ticketFields).where(eq(ticketFields.id, field.id));
  return { id: field.id, tickets: cleared };
}
