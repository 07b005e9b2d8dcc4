import type { JobPayload } from '@/server/queue/jobs';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';

/** One received message: parsed, checked and committed once, however often the job runs. */
export function processInboundProcess({ tenantId, inboundId }: JobPayload<'inbound.process'>) {
  return processInboundMessage(tenantId, inboundId);
}
