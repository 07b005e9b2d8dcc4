import { and, eq, isNull } from 'drizzle-orm';
import { ticketFields, type CustomFieldValues } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';

type FieldDefinition = typeof ticketFields.$inferSelect;
/** What a value is checked against: the workspace's active fields (read with the new ticket's facts on create). */
export type FieldRule = Pick<FieldDefinition, 'key' | 'label' | 'type' | 'options' | 'required'>;

/** Checks one value against its definition; returns the stored value or a message saying what to fix. */
export function checkFieldValue(
  field: Pick<FieldDefinition, 'label' | 'type' | 'options' | 'required'>,
  value: unknown,
): { value: CustomFieldValues[string] } | { error: string } {
  if (value === null || value === undefined || value === '') {
    return field.required ? { error: `${field.label} is required.` } : { value: null };
  }
  switch (field.type) {
    case 'text':
      return typeof value === 'string' && value.length <= 2000
        ? { value: value.trim() }
        : { error: `${field.label} must be text of at most 2,000 characters.` };
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? { value }
        : { error: `${field.label} must be a number.` };
    case 'checkbox':
      return typeof value === 'boolean' ? { value } : { error: `${field.label} must be checked or unchecked.` };
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? { value }
        : { error: `${field.label} must be a date like 2026-03-31.` };
    case 'select':
      return typeof value === 'string' && field.options.some((o) => o.value === value)
        ? { value }
        : { error: `${field.label} must be one of: ${field.options.map((o) => o.label).join(', ')}.` };
  }
}

/**
 * Validates submitted custom-field values against the workspace's definitions. Unknown keys are refused so
 * a typo never silently drops data; `requireAll` enforces required fields on create.
 */
export async function validateCustomFields(
  scope: TenantScope,
  values: Record<string, unknown>,
  options: { requireAll: boolean; current?: CustomFieldValues; fields?: readonly FieldRule[] },
) {
  const fields =
    options.fields ??
    (await scope.db
      .select()
      .from(ticketFields)
      .where(and(eq(ticketFields.tenantId, scope.tenantId), isNull(ticketFields.archivedAt))));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const result: CustomFieldValues = { ...options.current };
  const errors: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push(`There is no custom field "${key}" in this workspace.`);
      continue;
    }
    const checked = checkFieldValue(field, value);
    if ('error' in checked) errors.push(checked.error);
    else result[key] = checked.value;
  }
  if (options.requireAll) {
    for (const field of fields) {
      if (field.required && (result[field.key] === undefined || result[field.key] === null))
        errors.push(`${field.label} is required.`);
    }
  }
  if (errors.length) throw new AppError('BAD_REQUEST', errors.join(' '), { field: 'customFields' });
  return result;
}

/**
 * A ticket can be solved only once every required-on-solve field holds a value. Checked in the ticket
 * pipeline, so an agent, a macro, a bulk action and a rule all meet the same rule.
 */
export async function assertSolvable(scope: TenantScope, values: CustomFieldValues) {
  const fields = await scope.db
    .select({ key: ticketFields.key, label: ticketFields.label })
    .from(ticketFields)
    .where(
      and(
        eq(ticketFields.tenantId, scope.tenantId),
        eq(ticketFields.requiredOnSolve, true),
        isNull(ticketFields.archivedAt),
      ),
    );
  const missing = fields.filter((f) => values[f.key] === undefined || values[f.key] === null || values[f.key] === '');
  if (missing.length)
    throw new AppError(
      'PRECONDITION_FAILED',
      `Fill in ${missing.map((f) => `"${f.label}"`).join(', ')} before solving this ticket.`,
      { field: 'customFields' },
    );
}
