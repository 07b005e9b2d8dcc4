import type { portalListTicketsInput } from '@/lib/validators/ticket';
import type { z } from 'zod';

export type PortalTicketFilter = z.output<typeof portalListTicketsInput>['status'];

/** The My tickets tabs, in the order shown; the first is the default. */
export const PORTAL_TICKET_FILTERS = ['open', 'solved', 'all'] as const satisfies readonly PortalTicketFilter[];

/** `?status=` from the URL, falling back to the default tab for anything unexpected. */
export function parsePortalTicketFilter(value: string | string[] | undefined): PortalTicketFilter {
  return PORTAL_TICKET_FILTERS.find((filter) => filter === value) ?? PORTAL_TICKET_FILTERS[0];
}
