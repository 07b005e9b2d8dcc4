/** The two sizes of the same bench: `full` is what the issue asks for, `quick` a minute-long smoke run. */
export type Profile = {
  name: 'quick' | 'full';
  workspaces: number;
  largestTickets: number;
  totalTickets: number;
  /** Published help-center articles, spread over the same workspaces, the largest holding `largestArticles`. */
  totalArticles: number;
  largestArticles: number;
  /** Timed calls per measurement, each for HTTP and for the direct service call. */
  iterations: number;
  warmup: number;
  /** An operation stops early once both sides have spent this long on it (at least 20 iterations); n is reported. */
  operationBudgetSeconds: number;
  /** Tickets created through HTTP for the throughput figure. */
  creates: number;
  createConcurrency: number;
  /** How long pgbench runs for the creation yardstick (the figure is the full profile's 30 s). */
  pgbenchSeconds: number;
  /** The whole run stops itself after this long, whatever it is doing. */
  timeLimitMinutes: number;
};

const PROFILES: Record<Profile['name'], Profile> = {
  full: {
    name: 'full',
    workspaces: 100,
    largestTickets: 250_000,
    totalTickets: 1_000_000,
    totalArticles: 100_000,
    largestArticles: 10_000,
    iterations: 200,
    warmup: 20,
    operationBudgetSeconds: 15,
    creates: 400,
    createConcurrency: 8,
    pgbenchSeconds: 30,
    timeLimitMinutes: 40,
  },
  quick: {
    name: 'quick',
    workspaces: 10,
    largestTickets: 20_000,
    totalTickets: 50_000,
    totalArticles: 5_000,
    largestArticles: 1_000,
    iterations: 40,
    warmup: 5,
    operationBudgetSeconds: 10,
    creates: 80,
    createConcurrency: 8,
    pgbenchSeconds: 10,
    timeLimitMinutes: 10,
  },
};

export type BenchOptions = { profile: Profile; reseed: boolean; rebuild: boolean; seedOnly: boolean };

const USAGE = `npm run bench [-- --quick] [--reseed] [--build] [--seed-only]
  --quick      10 workspaces / 50,000 tickets / 5,000 articles, 40 iterations (about a minute once seeded)
  --reseed     drop the bench database and seed it again
  --build      run \`next build\` even if a production build exists
  --seed-only  seed (or check) the bench database, then stop without building or measuring
The database: the one DATABASE_URL names if its name contains "bench" (quick adds _quick), else
cairn_bench / cairn_bench_quick on DATABASE_URL's server, a local Postgres, or an embedded PGlite.`;

export function parseOptions(argv: string[]): BenchOptions {
  const known = new Set(['--quick', '--reseed', '--build', '--seed-only', '--help']);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length || argv.includes('--help')) {
    console.log(USAGE);
    process.exit(unknown.length ? 2 : 0);
  }
  return {
    profile: PROFILES[argv.includes('--quick') ? 'quick' : 'full'],
    reseed: argv.includes('--reseed'),
    rebuild: argv.includes('--build'),
    seedOnly: argv.includes('--seed-only'),
  };
}

/**
 * Ticket counts per workspace: the largest fixed, the rest falling off as 1/rank (a Zipf curve), so a few
 * big workspaces sit beside a long tail of small ones, as on a real multi-tenant install.
 */
export function workspaceSizes(profile: Profile): number[] {
  const rest = profile.totalTickets - profile.largestTickets;
  const weights = Array.from({ length: profile.workspaces - 1 }, (_, i) => 1 / (i + 2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((rest * w) / sum)));
  sizes[0]! += rest - sizes.reduce((a, b) => a + b, 0);
  return [profile.largestTickets, ...sizes];
}

/**
 * Article counts per workspace: the largest fixed, the rest falling off as 1/sqrt(rank). Help centers
 * differ less in size than ticket volumes do (a small company still documents its whole product), and a
 * steeper curve would give the second workspace more articles than the largest.
 */
export function articleSizes(profile: Profile): number[] {
  const rest = profile.totalArticles - profile.largestArticles;
  const weights = Array.from({ length: profile.workspaces - 1 }, (_, i) => 1 / Math.sqrt(i + 2));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((rest * w) / sum)));
  sizes[0]! += rest - sizes.reduce((a, b) => a + b, 0);
  return [profile.largestArticles, ...sizes];
}
