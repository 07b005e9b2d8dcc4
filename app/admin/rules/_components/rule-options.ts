'use client';

import { useQuery } from '@tanstack/react-query';
import {
  EVENT_AUTHORS,
  EVENT_CHANNELS,
  EVENT_RATINGS,
  EVENT_VISIBILITIES,
  type ConditionField,
} from '@/lib/constants/automation';
import { STATUS_LABELS, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';

export type Option = { value: string; label: string };

const plain = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: v.replace(/_/g, ' ') }));

/**
 * The workspace's agents, teams, categories, ticket types and shared macros, for the selects of conditions
 * and actions.
 */
export function useRuleOptions() {
  const trpc = useTRPC();
  const members = useQuery(trpc.member.list.queryOptions());
  const teams = useQuery(trpc.team.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const types = useQuery(trpc.ticketType.list.queryOptions());
  const macros = useQuery(trpc.macro.list.queryOptions());
  const agents: Option[] = (members.data ?? [])
    .filter((m) => m.role !== 'viewer')
    .map((m) => ({ value: m.userId, label: m.name || m.email }));
  return {
    agents,
    teams: (teams.data ?? []).map((t) => ({ value: t.id, label: t.name })),
    categories: (categories.data ?? []).map((c) => ({ value: c.id, label: c.name })),
    /** Archived types included: tickets may still hold them, so conditions may name them. */
    types: types.data ?? [],
    macros: (macros.data ?? []).filter((m) => m.shared).map((m) => ({ value: m.id, label: m.name })),
  };
}
export type RuleOptions = ReturnType<typeof useRuleOptions>;

/** The choices a condition field offers, or null when its values are typed (tags, words, domains…). */
export function fieldChoices(field: ConditionField, options: RuleOptions): Option[] | null {
  switch (field) {
    case 'status':
      return TICKET_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
    case 'priority':
      return plain(TICKET_PRIORITIES);
    case 'type':
      return options.types.map((t) => ({ value: t.key, label: t.archivedAt ? `${t.name} (archived)` : t.name }));
    case 'channel':
      return plain(TICKET_CHANNELS);
    case 'category':
      return options.categories;
    case 'team':
      return options.teams;
    case 'assignee':
      return options.agents;
    case 'business_hours':
      return [
        { value: 'yes', label: 'open' },
        { value: 'no', label: 'closed' },
      ];
    case 'event.visibility':
      return plain(EVENT_VISIBILITIES);
    case 'event.author':
      return plain(EVENT_AUTHORS);
    case 'event.channel':
      return plain(EVENT_CHANNELS);
    case 'event.rating':
      return plain(EVENT_RATINGS);
    default:
      return null;
  }
}
