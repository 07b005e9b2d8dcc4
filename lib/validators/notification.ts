import { z } from 'zod';
import { AGENT_NOTIFICATION_TYPES } from '@/lib/constants/notification';
import { emailField } from './workspace';

export const updateNotificationPreferencesInput = z.strictObject({
  preferences: z
    .array(z.strictObject({ type: z.enum(AGENT_NOTIFICATION_TYPES), enabled: z.boolean() }))
    .min(1, { message: 'Choose at least one notification to change.' })
    .max(AGENT_NOTIFICATION_TYPES.length),
});

const smtpUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^smtps?:\/\/[^\s/]+/, {
    message: 'Enter an SMTP URL such as smtp://user:password@mail.example.com:587 (smtps:// for TLS on connect).',
  })
  .refine((v) => URL.canParse(v), {
    message: 'That SMTP URL cannot be read; check the user, password (URL-encode special characters), host and port.',
  });

export const updateMailSettingsInput = z.strictObject({
  // Names end up in the From header: a line break there would start a header of its own.
  fromName: z
    .string()
    .trim()
    .max(100, { message: 'Use at most 100 characters for the sender name.' })
    .regex(/^[^\u0000-\u001f\u007f]*$/, {
      message: 'The sender name cannot contain line breaks or control characters.',
    })
    .nullable(),
  fromAddress: emailField.nullable(),
  /** Left out: keep the stored server (its password is never sent to the browser). Null: use Cairn's server. */
  smtpUrl: smtpUrl.nullable().optional(),
});

export const testMailSettingsInput = z.strictObject({
  /** A new URL to try before saving it; left out, the saved one. */
  smtpUrl: smtpUrl.optional(),
});

export const retryMailInput = z.strictObject({
  mailId: z.uuid({ message: 'Pick an email from the ticket to retry.' }),
});
