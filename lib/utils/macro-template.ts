/**
 * Macro bodies are plain text with `{{ placeholders }}`. Rendering is one pass over the template, so a
 * value that itself contains `{{…}}` (a subject a customer typed, say) is inserted as-is and never expanded.
 */
export const MACRO_PLACEHOLDERS = [
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'ticket.priority',
  'requester.name',
  'requester.email',
  'customer.name',
  'customer.email',
  'agent.name',
  'agent.email',
  'workspace.name',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

export type MacroValues = Partial<Record<MacroPlaceholder, string | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\s*\}\}/g;

const isKnown = (name: string): name is MacroPlaceholder => (MACRO_PLACEHOLDERS as readonly string[]).includes(name);

/** What each placeholder stands for, for the macro editor's help. */
export const PLACEHOLDER_HINTS: Record<MacroPlaceholder, string> = {
  'ticket.number': 'The ticket number, as the workspace formats it',
  'ticket.subject': 'The ticket subject',
  'ticket.status': 'The status after the macro ran',
  'ticket.priority': 'The priority after the macro ran',
  'requester.name': 'The requester’s name (their email when unnamed)',
  'requester.email': 'The requester’s email',
  'customer.name': 'Same as requester.name',
  'customer.email': 'Same as requester.email',
  'agent.name': 'The agent applying the macro',
  'agent.email': 'The agent’s email',
  'workspace.name': 'The workspace name',
};

/**
 * Replaces known placeholders with their values (a missing value becomes empty text). Unknown placeholders
 * stay exactly as written, so a typo is visible in the reply box instead of silently vanishing.
 */
export function renderMacroTemplate(template: string, values: MacroValues): string {
  return template.replace(PLACEHOLDER, (match, name: string) => (isKnown(name) ? inline(values[name]) : match));
}

// Control characters (line breaks included) in a value become spaces: a requester named
// "Dana\n\nYour refund is approved" must not add lines of its own to what the agent sends.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;
const inline = (value: string | null | undefined) => (value ?? '').replace(CONTROL, ' ');
