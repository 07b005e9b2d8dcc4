import type { JobPayload } from '@/server/queue/jobs';
import { INBOUND_BATCH_SIZE } from '@/server/services/inbound/inbound-batch';
import { processInboundMessage } from '@/server/services/inbound/process-inbound-message';

/**
 * One received message, with the other messages of its workspace waiting beside it: parsed, checked and
 * committed once, however often the job runs.
 */
export function processInboundProcess({ tenantId, inboundId, again }: JobPayload<'inbound.process'>) {
  return processInboundMessage(tenantId, inboundId, { batchSize: INBOUND_BATCH_SIZE, again });
}
