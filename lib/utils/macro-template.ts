/**
 * Macro bodies are plain text with `{{ placeholders }}`. Rendering is one pass over the template, so a
 * value that itself contains `{{…}}` (a subject a customer typed, say) is inserted as-is and never expanded.
 */
export const MACRO_PLACEHOLDERS = [
  'ticket.number',
  'ticket.subject',
  'ticket.status',
  'customer.name',
  'customer.email',
  'agent.name',
  'workspace.name',
] as const;
export type MacroPlaceholder = (typeof MACRO_PLACEHOLDERS)[number];

export type MacroValues = Partial<Record<MacroPlaceholder, string | null | undefined>>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\s*\}\}/g;

const isKnown = (name: string): name is MacroPlaceholder => (MACRO_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Replaces known placeholders with their values (a missing value becomes empty text). Unknown placeholders
 * stay exactly as written, so a typo is visible in the reply box instead of silently vanishing.
 */
export function renderMacroTemplate(template: string, values: MacroValues): string {
  return template.replace(PLACEHOLDER, (match, name: string) => (isKnown(name) ? (values[name] ?? '') : match));
}
