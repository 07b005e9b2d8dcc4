import { z } from 'zod';
import { RETENTION_DAYS } from '@/lib/constants/privacy';

export const privacyCustomerInput = z.strictObject({ customerId: z.uuid() });

/** Erasing cannot be undone, so the admin types the customer's address to say which person they mean. */
export const eraseCustomerInput = z.strictObject({
  customerId: z.uuid(),
  confirmEmail: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, { message: "Type the customer's email address to confirm." })
    .max(320),
});

export const updateRetentionInput = z.strictObject({
  /** null switches the purge off. */
  purgeAttachmentsAfterDays: z
    .number({ message: 'Enter a number of days, or turn the purge off.' })
    .int({ message: 'Enter a whole number of days.' })
    .min(RETENTION_DAYS.min, { message: `Keep attachments at least ${RETENTION_DAYS.min} day.` })
    .max(RETENTION_DAYS.max, { message: `Enter at most ${RETENTION_DAYS.max} days (ten years).` })
    .nullable(),
});
