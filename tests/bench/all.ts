import { spawnSync } from 'node:child_process';

// `npm run bench [-- --quick] [--reseed] [--build] [--seed-only]`: the ticket and help-center bench
// (tests/bench/run.ts), then the SLA and worker bench (tests/bench/sla/run.ts), then inbound mail
// (tests/bench/inbound/run.ts), then the dashboard bench (tests/bench/reports/run.ts), each in its own process
// because each sets the configuration the app modules read at import. `npm run bench:sla`, `bench:inbound`
// and `bench:reports` run one of them alone.

const args = process.argv.slice(2);
const run = (script: string, scriptArgs: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { stdio: 'inherit' }).status ?? 1;

const first = run('tests/bench/run.ts', args);
if (first !== 0 || args.includes('--help') || args.includes('--seed-only')) process.exit(first);
const quickOnly = args.filter((a) => a === '--quick');
const sla = run('tests/bench/sla/run.ts', quickOnly);
const inbound = run('tests/bench/inbound/run.ts', quickOnly);
const reports = run('tests/bench/reports/run.ts', quickOnly);
// The automation rules' figures (tests/bench/automation/run.ts), on a database of their own.
process.exit(run('tests/bench/automation/run.ts', quickOnly) || sla || inbound || reports);
