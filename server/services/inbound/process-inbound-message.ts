import { eq } from 'drizzle-orm';
import type { DNSResolver } from 'mailauth';
import { simpleParser, type ParsedMail } from 'mailparser';
import { inboundMessages } from '@/server/db/schema';
import { recentIds } from '@/lib/utils/recent-ids';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { AppError, logError } from '@/server/errors';
import { summaryFromAuthenticationResults } from './authentication-results';
import { authenticateSender, defaultMailResolver } from './authenticate-sender';
import { decideInboundMessage, messageIdOf, ownMailOf, type Decision, type OwnMail } from './decide-inbound-message';
import { lockPendingInbound, readInboundBatch, type ReceivedMail } from './inbound-batch';
import { readHeaderBlock } from './mail-headers';
import type { AuthenticationSummary } from './sender-verdict';

/** A received message, parsed and its sender checked, ready to be decided. */
type PreparedMail = ReceivedMail & {
  mail: ParsedMail | null;
  parseError: string | null;
  auth: AuthenticationSummary | null;
};

const reasonOf = (error: unknown) =>
  error instanceof AppError ? error.message : 'Processing failed unexpectedly; see the worker log.';

/** Parsed, and the sender checked, before any transaction: the checks may wait on DNS. */
async function prepare(
  message: ReceivedMail,
  authservId: string | null,
  resolver: DNSResolver | undefined,
): Promise<PreparedMail> {
  let mail: ParsedMail | null = null;
  let parseError: string | null = null;
  try {
    mail = await simpleParser(message.raw, {
      // The text part only: HTML-only mail goes through our sanitizer (displayText), not mailparser's converter.
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
    });
  } catch (error) {
    parseError = `The message could not be parsed: ${error instanceof Error ? error.message : 'unknown error'}`;
  }
  // With a trusted receiving server configured, its verdict is the one that counts (it saw the connection);
  // otherwise Cairn checks the raw message itself.
  const auth = !mail
    ? null
    : authservId
      ? summaryFromAuthenticationResults(readHeaderBlock(message.raw), authservId)
      : await authenticateSender(message.raw, resolver ?? defaultMailResolver());
  return { ...message, mail, parseError, auth };
}

/** The inbound row's new status: written right after its decision, so a later message of the batch sees it. */
async function recordDecision(scope: TenantScope, message: PreparedMail, decision: Decision) {
  await scope.db
    .update(inboundMessages)
    .set({
      status: decision.status,
      outcome: decision.outcome.slice(0, 500),
      ticketId: decision.ticketId ?? null,
      ticketMessageId: decision.ticketMessageId ?? null,
      sender: message.mail?.from?.value[0]?.address?.toLowerCase().slice(0, 320) ?? null,
      subject: message.mail?.subject?.slice(0, 500) ?? null,
      processedAt: new Date(),
    })
    .where(eq(inboundMessages.id, message.id));
}

/** The message's decision; one that could not be parsed is failed with the parser's reason. */
function decisionFor(scope: TenantScope, message: PreparedMail, own: OwnMail) {
  if (!message.mail) return Promise.resolve<Decision>({ status: 'failed', outcome: message.parseError! });
  return decideInboundMessage(scope, message, message.mail, message.auth, own);
}

/**
 * One message in its own savepoint: a failed decision rolls back its own writes, and the row still records
 * why (failed, with the reason), so nothing is dropped.
 */
async function commitOne(scope: TenantScope, message: PreparedMail, own: OwnMail) {
  let decision: Decision;
  try {
    decision = await scope.db.transaction((db) => decisionFor({ ...scope, db }, message, own));
  } catch (error) {
    if (!(error instanceof AppError)) logError({ error, inboundId: message.id, where: 'inbound.process' });
    decision = { status: 'failed', outcome: reasonOf(error) };
  }
  await recordDecision(scope, message, decision);
}

/**
 * The locked messages, in the order received, all in one savepoint; a message that cannot be parsed is
 * recorded as failed there too. If any decision throws, the savepoint is rolled back and every message goes
 * through commitOne instead, so one bad message never takes the others' tickets with it.
 */
async function commitMessages(scope: TenantScope, messages: readonly PreparedMail[]) {
  if (!messages.length) return;
  const own = await ownMailOf(
    scope,
    messages.flatMap((m) => messageIdOf(m.raw) ?? []),
  );
  if (messages.length > 1) {
    try {
      await scope.db.transaction(async (db) => {
        const savepoint = { ...scope, db };
        for (const message of messages)
          await recordDecision(savepoint, message, await decisionFor(savepoint, message, own));
      });
      return;
    } catch {
      // Rolled back to the savepoint: the messages are still locked and pending; they go one by one below.
    }
  }
  for (const message of messages) await commitOne(scope, message, own);
}

/**
 * The batches running in this process, by message: a job whose message one of them holds waits for it
 * rather than parsing the same bytes again, then finds it decided.
 */
const runningHere = new Map<string, Promise<unknown>>();

/**
 * Messages a batch of this process decided (or failed) and committed: their first jobs, arriving after the
 * batch took them along, end here without a transaction. A message sent back to pending (an admin's retry
 * or release, the sweep) is queued `again`, and such a job is never skipped.
 */
const decidedHere = recentIds(20_000);

/**
 * Parses, checks and commits one stored message, once, with up to `batchSize - 1` other pending messages of
 * its workspace (the `inbound.process` job passes INBOUND_BATCH_SIZE; a direct call decides only the message
 * it names). Rows are locked and only `pending` ones are decided, so a retried or doubled job changes
 * nothing. Parsing and sender checks (DNS) run before the transaction. A message that cannot be processed is
 * kept as `failed` with the reason, never dropped.
 */
export async function processInboundMessage(
  tenantId: string,
  inboundId: string,
  options: { resolver?: DNSResolver; batchSize?: number; again?: boolean } = {},
) {
  if (!options.again && decidedHere.has(inboundId)) return;
  await runningHere.get(inboundId)?.catch(() => {});
  const batch = await readInboundBatch(tenantId, inboundId, options.batchSize ?? 1, new Set(runningHere.keys()));
  if (!batch) return;
  const ids = batch.messages.map((m) => m.id);
  const work = (async () => {
    const prepared = await Promise.all(batch.messages.map((m) => prepare(m, batch.authservId, options.resolver)));
    const decided = await runInTenant(tenantId, async (scope) => {
      const pending = await lockPendingInbound(scope, ids);
      await commitMessages(
        scope,
        prepared.filter((m) => pending.has(m.id)),
      );
      return pending;
    });
    decidedHere.add(decided);
  })();
  for (const id of ids) runningHere.set(id, work);
  try {
    await work;
  } finally {
    for (const id of ids) if (runningHere.get(id) === work) runningHere.delete(id);
  }
}
