import { resolveCaller } from '@/server/auth/resolve-caller';
import { runAsCaller } from '@/server/auth/run-as-caller';
import { errorResponse } from '@/server/error-response';
import { AppError } from '@/server/errors';
import { readAttachment } from '@/server/services/ticket/attachment-access';
import { withRouteMetrics } from '@/server/metrics/http';

export const dynamic = 'force-dynamic';

async function handleGet(req: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  try {
    const { attachmentId } = await params;
    if (!/^[0-9a-f-]{36}$/.test(attachmentId)) throw new AppError('NOT_FOUND', 'The file was not found.');
    const file = await runAsCaller(await resolveCaller(req), (scope, actor) =>
      readAttachment(scope, attachmentId, actor),
    );
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'content-type': file.contentType,
        // Always a download, never rendered inline on our origin.
        'content-disposition': `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = withRouteMetrics('/api/attachments/[attachmentId]', handleGet);
