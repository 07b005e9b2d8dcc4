import { errorResponse } from '@/server/error-response';
import { withRouteMetrics } from '@/server/metrics/http';
import { getWidgetButton } from '@/server/services/widget/widget-button';

export const dynamic = 'force-dynamic';

/** The loader's one call before the button is opened: its look, for allowed host origins only (CORS). */
async function handleGet(req: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const { workspace } = await params;
    const { origin, button } = await getWidgetButton(req, workspace.toLowerCase());
    return Response.json(button, {
      headers: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin', 'Cache-Control': 'private, max-age=60' },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = withRouteMetrics('/api/widget/[workspace]/config', handleGet);
