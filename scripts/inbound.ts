import { prepareRuntime } from './prepare-runtime';

// The mail gateway command: `npm run --silent inbound -- <workspace> < message.eml` (a Postfix pipe transport
// or a .forward). One line of JSON on stdout; the exit code tells the mail server whether to retry.
const workspace = process.argv[2];
if (!workspace) {
  process.stdout.write(
    `${JSON.stringify({ outcome: 'error', reason: 'Usage: npm run inbound -- <workspace> < message.eml' })}\n`,
  );
  process.exit(64);
}
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);

let exitCode = 75;
try {
  const { embedded } = await prepareRuntime();
  const { env } = await import('../lib/env');
  const { runInboundGateway } = await import('../server/services/inbound/gateway-command');
  const { closeDb } = await import('../server/db/client');
  const { closeQueues } = await import('../server/queue/enqueue');
  const answer = await runInboundGateway({
    workspace,
    raw: Buffer.concat(chunks),
    waitSeconds: env.INBOUND_WAIT_SECONDS,
  });
  process.stdout.write(`${JSON.stringify(answer.line)}\n`);
  exitCode = answer.exitCode;
  // Closing cannot change the answer: the message is stored (or not) already.
  await Promise.allSettled([closeQueues(), closeDb()]);
  await embedded?.stop().catch(() => undefined);
} catch (error) {
  // Not even stored (configuration, database unreachable): EX_TEMPFAIL, the mail server keeps the mail.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.stdout.write(
    `${JSON.stringify({ outcome: 'error', reason: 'The message could not be stored; try again later.' })}\n`,
  );
}
process.exit(exitCode);
