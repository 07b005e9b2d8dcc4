import type { SelectOption } from '@/components/ui/select-field';
import type { Assignee } from './types';

export const agentName = (agent: Assignee) => agent.name || agent.email;

/** Every agent but the viewer, for lists that offer the viewer as "Me" in a place of their own. */
export const otherAgentOptions = (agents: Assignee[], currentUserId: string): SelectOption[] =>
  agents.filter((a) => a.id !== currentUserId).map((a) => ({ value: a.id, label: agentName(a) }));
