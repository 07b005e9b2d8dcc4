import { resolveCaller } from '@/server/auth/resolve-caller';
import { runAsCaller } from '@/server/auth/run-as-caller';
import { errorResponse } from '@/server/error-response';
import { AppError } from '@/server/errors';
import { uploadAttachment } from '@/server/services/ticket/upload-attachment';
import { withRouteMetrics } from '@/server/metrics/http';

export const dynamic = 'force-dynamic';

/** Multipart upload of one file (field `file`); the returned id goes into a message's attachmentIds. */
async function handlePost(req: Request) {
  try {
    const form = await req.formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File))
      throw new AppError('BAD_REQUEST', 'Send the file as multipart form data in a field named "file".');
    const bytes = new Uint8Array(await file.arrayBuffer());
    const stored = await runAsCaller(await resolveCaller(req), (scope, actor) =>
      uploadAttachment(scope, { filename: file.name, bytes, actor }),
    );
    return Response.json(stored, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

export const POST = withRouteMetrics('/api/attachments', handlePost);
