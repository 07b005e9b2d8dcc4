import { INBOUND_MAX_BYTES } from '@/lib/constants/inbound';
import { logError } from '@/server/errors';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { waitForInboundResult, type InboundResult } from './inbound-outcome';
import { storeInboundMessage } from './store-inbound-message';

/** sysexits.h codes a mail server understands: 75 makes Postfix keep the mail and try again later. */
export const EXIT = { ok: 0, dataError: 65, noUser: 67, tempFail: 75 } as const;

export type GatewayAnswer = { exitCode: number; line: InboundResult | { outcome: 'error'; reason: string } };

/**
 * `npm run inbound -- <workspace> < message.eml`: stores one raw message through the same service as the
 * HTTP route, waits up to `waitSeconds` for the worker's decision and says what happened. Exit 0 once the
 * message is stored (whatever the decision); 75 when it could not be stored, so the mail server retries.
 * An unknown workspace (67) and an empty or oversized message (65) are permanent: retrying cannot help.
 */
export async function runInboundGateway(input: {
  workspace: string;
  raw: Uint8Array;
  waitSeconds: number;
}): Promise<GatewayAnswer> {
  if (input.raw.byteLength === 0)
    return { exitCode: EXIT.dataError, line: { outcome: 'error', reason: 'No message on standard input.' } };
  if (input.raw.byteLength > INBOUND_MAX_BYTES)
    return {
      exitCode: EXIT.dataError,
      line: { outcome: 'error', reason: `The message is larger than ${INBOUND_MAX_BYTES / 1024 / 1024} MB.` },
    };
  let tenantId: string;
  let stored: { id: string; duplicate: boolean };
  try {
    const workspace = await findWorkspaceBySlug(input.workspace.toLowerCase());
    if (!workspace)
      return {
        exitCode: EXIT.noUser,
        line: {
          outcome: 'error',
          reason: `No workspace "${input.workspace}". Check the slug in the mail server's configuration.`,
        },
      };
    tenantId = workspace.id;
    stored = await storeInboundMessage(tenantId, input.raw);
  } catch (error) {
    logError({ error, where: 'inbound gateway: store' });
    return {
      exitCode: EXIT.tempFail,
      line: { outcome: 'error', reason: 'The message could not be stored; the mail server should try again later.' },
    };
  }
  if (stored.duplicate) return { exitCode: EXIT.ok, line: { outcome: 'ignored', reason: 'duplicate', id: stored.id } };
  try {
    return { exitCode: EXIT.ok, line: await waitForInboundResult(tenantId, stored.id, input.waitSeconds * 1000) };
  } catch (error) {
    // Stored is what counts for the mail server: the decision is the worker's, whatever this read says.
    logError({ error, where: 'inbound gateway: wait' });
    return { exitCode: EXIT.ok, line: { outcome: 'queued', id: stored.id } };
  }
}
