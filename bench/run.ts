// `npm run bench`: runs every bench/*.bench.ts in turn. Each module's default export prints its own
// lines ("name: value (ratio)"), measured side by side in one run; machines are noisy, so ratios.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const folder = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

for (const file of files) {
  const module = (await import(pathToFileURL(path.join(folder, file)).href)) as { default: () => Promise<void> };
  console.log(`# ${file}`);
  await module.default();
}
