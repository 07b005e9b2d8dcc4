import { errorResponse } from '@/server/error-response';
import { withRouteMetrics } from '@/server/metrics/http';
import { receiveWidgetRequest } from '@/server/services/widget/receive-widget-request';

export const dynamic = 'force-dynamic';

/** The panel's form (multipart: `payload` JSON and `file` fields) → 201 with the ticket's number. */
async function handlePost(req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const { workspace } = await params;
    return Response.json(await receiveWidgetRequest(req, workspace.toLowerCase()), { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = withRouteMetrics('/api/widget/[workspace]/requests', handlePost);
