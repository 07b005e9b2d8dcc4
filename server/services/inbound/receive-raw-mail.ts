import { INBOUND_MAX_BYTES } from '@/lib/constants/inbound';
import { resolveClientIp } from '@/server/auth/client-ip';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { AppError } from '@/server/errors';
import { workspaceForInboundSecret } from './inbound-secret';
import { storeInboundMessage } from './store-inbound-message';

const tooLarge = () =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The message is larger than ${INBOUND_MAX_BYTES / 1024 / 1024} MB. Ask the sender to share large files as links.`,
  );

/** The body, read up to the limit: a missing or false Content-Length cannot make us buffer more. */
async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

const UNAUTHORIZED_MESSAGE =
  'Send the workspace inbound secret as "Authorization: Bearer <secret>" (Admin → Email → Inbound mail).';

/**
 * POST /api/inbound/{workspace}. An unknown workspace, a workspace without a secret and a wrong secret all
 * answer the same 401, so the endpoint says nothing about which workspaces exist.
 */
export async function receiveRawMail(req: Request, workspaceSlug: string) {
  await consumeRateLimit('inboundPerSource', resolveClientIp(req.headers), workspaceSlug);
  const secret = req.headers
    .get('authorization')
    ?.match(/^Bearer\s+(\S+)$/i)?.[1]
    ?.trim();
  const tenantId = secret ? await workspaceForInboundSecret(workspaceSlug.toLowerCase(), secret) : null;
  if (!tenantId) throw new AppError('UNAUTHORIZED', UNAUTHORIZED_MESSAGE);
  const raw = await readLimited(req, INBOUND_MAX_BYTES);
  if (raw.byteLength === 0)
    throw new AppError('BAD_REQUEST', 'The body is empty. Send the raw RFC 5322 message as the request body.');
  const stored = await storeInboundMessage(tenantId, raw);
  return { id: stored.id, duplicate: stored.duplicate };
}
