import { z } from 'zod';
import { IMAP_AFTER_IMPORT, INBOUND_REVIEW_ACTIONS, INBOUND_REVIEW_VIEWS } from '@/lib/constants/inbound';

// A mailbox folder name: IMAP allows almost anything, but a control character can never be meant.
const folderName = z
  .string()
  .trim()
  .min(1, { message: 'Enter a folder name such as INBOX.' })
  .max(200, { message: 'Use at most 200 characters for the folder name.' })
  .regex(/^[^\u0000-\u001f\u007f]+$/, { message: 'The folder name cannot contain control characters.' });

/**
 * The workspace's IMAP mailbox. The password is never sent back to the browser, so the form leaves it empty
 * to keep the saved one; the first save must carry one.
 */
export const saveImapMailboxInput = z
  .strictObject({
    host: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, { message: 'Enter the IMAP server name, such as imap.gmail.com.' })
      .max(253)
      .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/, {
        message: 'Enter a host name such as imap.example.com (no scheme, port or path).',
      }),
    port: z
      .number({ message: 'Enter a port number.' })
      .int()
      .min(1, { message: 'The port is between 1 and 65535 (usually 993).' })
      .max(65535, { message: 'The port is between 1 and 65535 (usually 993).' }),
    /** TLS from the first byte (port 993). Off: STARTTLS when the server offers it, else plain text. */
    tls: z.boolean(),
    username: z.string().trim().min(1, { message: 'Enter the user name you sign in to the mailbox with.' }).max(320),
    password: z.string().max(500, { message: 'Use at most 500 characters for the password.' }).optional(),
    folder: folderName,
    afterImport: z.enum(IMAP_AFTER_IMPORT),
    /** Only read when afterImport is `move`; the form sends '' while the field is hidden. */
    moveTo: z
      .union([z.literal(''), folderName])
      .nullable()
      .optional(),
  })
  .refine((v) => v.afterImport !== 'move' || Boolean(v.moveTo), {
    message: 'Name the folder imported mail moves to.',
    path: ['moveTo'],
  })
  .refine((v) => v.afterImport !== 'move' || v.moveTo !== v.folder, {
    message: 'Imported mail must move to another folder than the one Cairn reads.',
    path: ['moveTo'],
  });

export type SaveImapMailboxForm = z.input<typeof saveImapMailboxInput>;

/**
 * The authserv-id of the workspace's receiving server (RFC 8601: a host name, as the first token of its
 * Authentication-Results). Empty clears it: Cairn then checks the sender itself.
 */
export const saveAuthservIdInput = z.strictObject({
  authservId: z
    .string()
    .trim()
    .toLowerCase()
    .max(253, { message: 'Use at most 253 characters for the authserv-id.' })
    .regex(/^([a-z0-9]([a-z0-9.-]*[a-z0-9])?)?$/, {
      message: 'Enter the host name your mail server writes first in Authentication-Results, such as mx.example.com.',
    }),
});

export const listInboundMessagesInput = z.strictObject({ view: z.enum(INBOUND_REVIEW_VIEWS) });

export const reviewInboundMessageInput = z.strictObject({
  id: z.uuid({ message: 'Choose a message from the list.' }),
  action: z.enum(INBOUND_REVIEW_ACTIONS),
});
