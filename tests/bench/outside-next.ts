import { createRequire } from 'node:module';

// Server modules mark themselves `import 'server-only'`, whose default export throws outside React Server
// Components. The bench, which runs them outside Next, imports this file first: the package's resolved
// file is registered as already loaded and empty, as Vitest's alias does.
const require = createRequire(import.meta.url);
const file = require.resolve('server-only');
require.cache[file] = { id: file, filename: file, loaded: true, exports: {} } as NodeJS.Module;
