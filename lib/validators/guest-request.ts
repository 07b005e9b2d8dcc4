import { z } from 'zod';
import { messageBody, ticketSubject } from './ticket';
import { emailField } from './workspace';

/**
 * The honeypot: a field people never see (hidden from sight and from screen readers) but form-filling bots
 * do. Named like a real field so a bot is tempted; a value in it means "answer as if filed, file nothing".
 */
export const GUEST_HONEYPOT_FIELD = 'website';

/** What a visitor who is not signed in types into the portal's "Submit a request" form. */
export const guestRequestInput = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { message: 'Tell us your name.' })
    .max(120, { message: 'Keep the name under 120 characters.' }),
  email: emailField,
  subject: ticketSubject,
  body: messageBody,
});
export type GuestRequestInput = z.infer<typeof guestRequestInput>;
