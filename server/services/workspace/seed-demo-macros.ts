import type { StaffScope } from '@/server/services/types';
import { saveMacro } from '@/server/services/ticket/macros';

/** A few macros for the demo, so the reply box's picker (press m) has something to show on first start. */
export async function seedDemoMacros(owner: StaffScope, frontlineTeamId: string) {
  await saveMacro(owner, {
    name: 'Ask for a screenshot',
    body: 'Hi {{requester.name}},\n\nThanks for reaching out about {{ticket.number}}. Could you send a screenshot of what you see? That helps us find the cause quickly.\n\n{{agent.name}}, {{workspace.name}}',
    kind: 'reply',
    visibility: 'everyone',
    teamIds: [],
    actions: { status: 'pending', addTags: ['needs-info'] },
  });
  await saveMacro(owner, {
    name: 'Escalate to billing',
    body: 'Escalated: billing needs to check the invoice history for {{requester.email}}.',
    kind: 'note',
    visibility: 'teams',
    teamIds: [frontlineTeamId],
    actions: { priority: 'high', addTags: ['billing-escalation'] },
  });
  await saveMacro(owner, {
    name: 'Solved: thanks',
    body: 'Glad we could help, {{requester.name}}! Reply to this email if anything else comes up.',
    kind: 'reply',
    visibility: 'everyone',
    teamIds: [],
    actions: { status: 'solved' },
  });
}
