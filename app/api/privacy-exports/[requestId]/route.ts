import { resolveCaller } from '@/server/auth/resolve-caller';
import { runAsCaller } from '@/server/auth/run-as-caller';
import { errorResponse } from '@/server/error-response';
import { AppError } from '@/server/errors';
import { readPrivacyExport } from '@/server/services/privacy/read-privacy-export';

export const dynamic = 'force-dynamic';

/** A customer data export, downloaded by an admin of its workspace until its link expires. */
export async function GET(req: Request, { params }: { params: Promise<{ requestId: string }> }) {
  try {
    const { requestId } = await params;
    if (!/^[0-9a-f-]{36}$/.test(requestId)) throw new AppError('NOT_FOUND', 'The export was not found.');
    const file = await runAsCaller(await resolveCaller(req), (scope, actor) =>
      readPrivacyExport(scope, requestId, actor),
    );
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="${file.filename}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
