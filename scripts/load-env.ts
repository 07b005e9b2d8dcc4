import fs from 'node:fs';
import path from 'node:path';

/** Scripts run outside Next, which loads .env by itself; give them the same view of the configuration. */
export function loadDotEnv() {
  for (const name of ['.env.local', '.env']) {
    const file = path.resolve(process.cwd(), name);
    if (fs.existsSync(file)) process.loadEnvFile(file);
  }
}
