// Compiles the host-page loader (lib/widget/loader/widget.ts) to public/widget.js: one minified IIFE for
// the browsers Cairn supports. Run by `npm run build`; the output is committed so `npm start` serves it too.
import { build } from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

await build({
  entryPoints: [path.join(root, 'lib/widget/loader/widget.ts')],
  outfile: path.join(root, 'public/widget.js'),
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2019'],
  alias: { '@': root },
  legalComments: 'none',
  logLevel: 'warning',
});
