import { inMinutes } from './rate-limit';

/**
 * What a rate-limited sign-in tells the person. Auth.js can only pass a short `code` to the sign-in page,
 * so the wait travels in it ("too_many_attempts:5") and the page turns it back into a sentence here.
 */
type Limited = 'attempts' | 'links';

export const rateLimitedCode = (kind: Limited, minutes: number) => `too_many_${kind}:${minutes}`;

export function rateLimitedMessage(kind: Limited, minutes: number) {
  const what = kind === 'attempts' ? 'sign-in attempts' : 'sign-in links requested';
  return `Too many ${what}. Try again in ${inMinutes(minutes)}.`;
}

export function messageForRateLimitedCode(code: string | null | undefined) {
  const match = /^too_many_(attempts|links):(\d{1,3})$/.exec(code ?? '');
  return match ? rateLimitedMessage(match[1] as Limited, Number(match[2])) : null;
}
