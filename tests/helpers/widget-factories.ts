import { updateWidgetSettingsInput } from '@/lib/validators/widget';
import { signWidgetUserId } from '@/server/services/widget/widget-identity';
import { rotateWidgetSecret, updateWidgetSettings } from '@/server/services/widget/widget-settings';
import { asStaff, type TestWorkspace } from './factories';

/** Sets a workspace's widget up on `origins` and makes a secret; returns it and a signer for user ids. */
export async function setUpTestWidget(ws: TestWorkspace, origins: string[], overrides: Record<string, unknown> = {}) {
  const owner = { userId: ws.owner.userId, role: 'owner' as const };
  const input = updateWidgetSettingsInput.parse({
    allowedOrigins: origins,
    position: 'bottom-right',
    color: '#112233',
    greeting: 'Hello from the test',
    articlesEnabled: true,
    contactFormEnabled: true,
    conversationsEnabled: true,
    requireVerifiedIdentity: true,
    ...overrides,
  });
  await asStaff(ws.id, owner, (scope) => updateWidgetSettings(scope, input));
  const { secret } = await asStaff(ws.id, owner, (scope) => rotateWidgetSecret(scope));
  return { secret, sign: (userId: string) => signWidgetUserId(secret, userId) };
}

/** The multipart body the panel posts to /api/widget/{workspace}/requests. */
export function widgetRequestBody(payload: unknown, files: Array<{ name: string; bytes: string; type: string }> = []) {
  const body = new FormData();
  body.set('payload', JSON.stringify(payload));
  for (const file of files) body.append('file', new File([file.bytes], file.name, { type: file.type }));
  return body;
}
