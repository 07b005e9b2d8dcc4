import { DEFAULT_TICKET_NUMBER_FORMAT } from '@/lib/constants/ticket';

export type TicketNumberFormat = { prefix: string; includeYear: boolean; padding: number; suffix: string };

/** `SUP-2026-00000042`: prefix, year of creation, zero-padded number, suffix; empty parts are left out. */
export function formatTicketNumber(format: Partial<TicketNumberFormat> | undefined, number: number, createdAt: Date) {
  const f = { ...DEFAULT_TICKET_NUMBER_FORMAT, ...format };
  const parts = [
    f.prefix,
    f.includeYear ? String(createdAt.getUTCFullYear()) : '',
    String(number).padStart(f.padding, '0'),
    f.suffix,
  ];
  return parts.filter(Boolean).join('-');
}
