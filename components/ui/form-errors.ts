import { describeError } from '@/lib/trpc/errors';

export type FormErrors<K extends string> = { message: string | null; fields: Partial<Record<K, string>> };

/**
 * Splits a tRPC error into messages for the form's own fields and one general message. Input validation
 * (zod) and service errors that name a `field` both land beside their input; `aliases` maps server names
 * to form names (the service says `slug`, the sign-up form calls it `workspaceSlug`). Anything not tied to
 * a visible field becomes the general message, so no error is ever silently dropped.
 */
export function formErrors<K extends string>(
  error: unknown,
  known: readonly K[],
  aliases: Record<string, K> = {},
): FormErrors<K> {
  if (!error) return { message: null, fields: {} };
  const described = describeError(error);
  const fields: Partial<Record<K, string>> = {};
  const claim = (name: string, message: string | undefined) => {
    const key = (aliases[name] ?? name) as K;
    if (message && known.includes(key) && !fields[key]) fields[key] = message;
  };
  for (const [name, messages] of Object.entries(described.fieldErrors)) claim(name, messages?.[0]);
  if (described.field) claim(described.field, described.message);
  return { message: Object.keys(fields).length ? null : described.message, fields };
}
