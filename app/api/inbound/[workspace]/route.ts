import { errorResponse } from '@/server/error-response';
import { withRouteMetrics } from '@/server/metrics/http';
import { receiveRawMail } from '@/server/services/inbound/receive-raw-mail';

export const dynamic = 'force-dynamic';

/**
 * Raw RFC 5322 in (`Authorization: Bearer <secret>`), 202 with the stored message's id out. Processing happens
 * in the worker; the answer means the bytes are stored.
 */
async function handlePost(req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const { workspace } = await params;
    const stored = await receiveRawMail(req, workspace);
    return Response.json(stored, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = withRouteMetrics('/api/inbound/[workspace]', handlePost);
