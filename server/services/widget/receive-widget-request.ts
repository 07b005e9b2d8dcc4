import { fileWidgetRequestInput } from '@/lib/validators/widget';
import { WIDGET_MAX_FILES } from '@/lib/constants/widget';
import { resolveClientIp } from '@/server/auth/client-ip';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { AppError } from '@/server/errors';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { fileWidgetRequest, type WidgetFile } from './file-widget-request';
import { withWidget } from './with-widget';

/** The multipart body the panel posts: `payload` (the form and context as JSON) and up to 5 `file` fields. */
async function readBody(req: Request) {
  const form = await req.formData().catch(() => null);
  if (!form) throw new AppError('BAD_REQUEST', 'Send the request as multipart form data with a "payload" field.');
  let raw: unknown;
  try {
    raw = JSON.parse(String(form.get('payload') ?? ''));
  } catch {
    throw new AppError('BAD_REQUEST', 'The "payload" field must be JSON.');
  }
  const parsed = fileWidgetRequestInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('BAD_REQUEST', issue.message, { field: issue.path.join('.') });
  }
  const entries = form.getAll('file').filter((entry): entry is File => entry instanceof File && entry.size > 0);
  if (entries.length > WIDGET_MAX_FILES)
    throw new AppError('BAD_REQUEST', `Attach at most ${WIDGET_MAX_FILES} files.`, { field: 'file' });
  const files: WidgetFile[] = [];
  for (const file of entries) files.push({ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return { input: parsed.data, files };
}

/**
 * POST /api/widget/{workspace}/requests. Limits come first (per address, then per workspace), so a flood
 * costs neither a parse nor a transaction; the proxy has already checked the Origin (the panel posts from
 * Cairn's own origin).
 */
export async function receiveWidgetRequest(req: Request, workspaceSlug: string) {
  await consumeRateLimit('widgetRequestPerIp', resolveClientIp(req.headers));
  const workspace = await findWorkspaceBySlug(workspaceSlug);
  if (!workspace) throw new AppError('NOT_FOUND', 'This support widget does not exist. Check data-workspace.');
  await consumeRateLimit('widgetRequestPerWorkspace', workspace.id);
  const { input, files } = await readBody(req);
  return withWidget(workspace.slug, input.identity, (scope) => fileWidgetRequest(scope, input, files));
}
