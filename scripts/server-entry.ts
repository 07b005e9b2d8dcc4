// Compiles the production web server (scripts/serve-web.ts and the few modules it imports) to one ES module,
// .next/cairn/serve-web.mjs, with packages left to node_modules. Run by `npm run build`, and by `npm start`
// before it serves a production build. In production the server then runs on plain Node: under tsx's loader,
// every module Next required went through its hooks, and the web process's heap was twice the size (152 →
// 75 MiB in use at start, the resident size 307 → 199 MiB).
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
export const SERVER_ENTRY = path.join(root, '.next/cairn/serve-web.mjs');

/**
 * Node's flags for the web process: V8's old generation bounded to `heapMib`. Unbounded, V8 let garbage
 * pile up to several times the live heap under load before collecting it (the bench's web process grew from
 * 300 to 780 MiB while a forced collection found 146 MiB live).
 */
export function webNodeFlags(heapMib: number) {
  return [`--max-old-space-size=${heapMib}`];
}

export async function buildServerEntry() {
  await build({
    entryPoints: [path.join(root, 'scripts/serve-web.ts')],
    outfile: SERVER_ENTRY,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ['node20'],
    packages: 'external',
    alias: { '@': root },
    logLevel: 'warning',
  });
  return SERVER_ENTRY;
}

if (import.meta.filename === process.argv[1]) await buildServerEntry();
