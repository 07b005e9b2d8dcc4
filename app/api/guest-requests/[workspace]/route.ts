import { resolveClientIp } from '@/server/auth/client-ip';
import { errorResponse } from '@/server/error-response';
import { withRouteMetrics } from '@/server/metrics/http';
import { fileGuestRequest } from '@/server/services/portal/file-guest-request';
import { readGuestRequestForm } from '@/server/services/portal/read-guest-request-form';

export const dynamic = 'force-dynamic';

/**
 * "Submit a request" for a visitor who is not signed in: one multipart post carries the text and the files,
 * so a guest's upload never exists apart from its request. proxy.ts checks the Origin like every post;
 * limits per IP and per address are in the service. 201 with `{ received, email }`, the same for a bot
 * caught by the honeypot.
 */
async function handlePost(req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const { workspace } = await params;
    const form = await readGuestRequestForm(req);
    const filed = await fileGuestRequest({ workspace, ip: resolveClientIp(req.headers), ...form });
    return Response.json({ received: filed.received, email: filed.email }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = withRouteMetrics('/api/guest-requests/[workspace]', handlePost);
