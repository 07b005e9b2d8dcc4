import type { z } from 'zod';
import type { createFieldInput, saveMacroInput, saveViewInput } from '@/lib/validators/ticket';
import { runInTenant } from '@/server/db/tenant';
import type { Actor, StaffScope } from '@/server/services/types';
import { createCategory } from '@/server/services/ticket/categories';
import { createTicket, type CreateTicketCommand } from '@/server/services/ticket/create-ticket';
import { createField } from '@/server/services/ticket/fields';
import { saveMacro } from '@/server/services/ticket/macros';
import { createTicketType } from '@/server/services/ticket/ticket-types';
import { createSavedView } from '@/server/services/ticket/saved-views';
import { uploadAttachment } from '@/server/services/ticket/upload-attachment';
import type { TicketActor } from '@/server/services/ticket/actor';
import { createTestCustomer, uniqueSuffix } from './factories';

// Ticketing test data through the same services the app uses; names carry a random suffix.

const asStaff = <T>(workspaceId: string, actor: Actor, work: (scope: StaffScope) => Promise<T>) =>
  runInTenant(workspaceId, (scope) => work({ ...scope, actor }), actor.userId);

/** A ticket filed by a customer (created for it unless given), as the portal files one. */
export async function createTestTicket(
  workspaceId: string,
  opts: Partial<Omit<CreateTicketCommand, 'actor' | 'requesterId'>> & {
    requesterId?: string;
    actor?: TicketActor;
  } = {},
) {
  const requesterId = opts.requesterId ?? (await createTestCustomer(workspaceId)).id;
  const { actor, ...rest } = opts;
  return runInTenant(workspaceId, (scope) =>
    createTicket(scope, {
      subject: `Test ticket ${uniqueSuffix()}`,
      body: 'Something is not working.',
      channel: 'web',
      ...rest,
      requesterId,
      actor: actor ?? { type: 'customer', customerId: requesterId },
    }),
  );
}

export function createTestCategory(workspaceId: string, opts: { name?: string } = {}) {
  return runInTenant(workspaceId, (scope) =>
    createCategory(scope, {
      name: opts.name ?? `Category ${uniqueSuffix()}`,
      description: '',
      color: '#0ea5e9',
      icon: 'inbox',
    }),
  );
}

/** A ticket type of the workspace; its key is made from the name, which carries a random suffix. */
export function createTestTicketType(workspaceId: string, opts: { name?: string } = {}) {
  return runInTenant(workspaceId, (scope) => createTicketType(scope, { name: opts.name ?? `Type ${uniqueSuffix()}` }));
}

export function createTestField(workspaceId: string, opts: Partial<z.input<typeof createFieldInput>> = {}) {
  return runInTenant(workspaceId, (scope) =>
    createField(scope, {
      key: opts.key ?? `field_${uniqueSuffix()}`,
      label: opts.label ?? 'Plan',
      type: opts.type ?? 'text',
      options: opts.options ?? [],
      required: opts.required ?? false,
      requiredOnSolve: opts.requiredOnSolve ?? false,
      visibleToCustomers: opts.visibleToCustomers ?? false,
    }),
  );
}

export function createTestSavedView(
  workspaceId: string,
  actor: Actor,
  opts: Partial<z.output<typeof saveViewInput>> = {},
) {
  return asStaff(workspaceId, actor, (scope) =>
    createSavedView(scope, {
      name: opts.name ?? `View ${uniqueSuffix()}`,
      filters: opts.filters ?? { statuses: ['open'] },
      sort: opts.sort ?? 'updated_desc',
      shared: opts.shared ?? false,
    }),
  );
}

export function createTestMacro(
  workspaceId: string,
  actor: Actor,
  opts: Partial<z.output<typeof saveMacroInput>> = {},
) {
  return asStaff(workspaceId, actor, (scope) =>
    saveMacro(scope, {
      name: opts.name ?? `Macro ${uniqueSuffix()}`,
      body: opts.body ?? 'Hi {{customer.name}}',
      kind: opts.kind ?? 'reply',
      actions: opts.actions ?? {},
      visibility: opts.visibility ?? (actor.role === 'agent' ? 'personal' : 'everyone'),
      teamIds: opts.teamIds ?? [],
    }),
  );
}

/** A tiny PNG, enough for the content sniffer. */
export const PNG_BYTES = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

/** An uploaded, not yet attached file. */
export function uploadTestAttachment(workspaceId: string, actor: TicketActor, filename = 'screenshot.png') {
  return runInTenant(workspaceId, (scope) => uploadAttachment(scope, { filename, bytes: PNG_BYTES, actor }));
}
