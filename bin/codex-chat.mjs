#!/usr/bin/env node
// The `codex-chat` command. It runs the compiled hub (dist/hub/cli.js, built by `npm run build`;
// an installed package ships it and has no sources). In a source checkout whose dist/hub is missing
// or older than src/ (you edited the hub), it runs the sources through tsx when tsx is installed
// (a dev checkout, `npm ci`), so `npm start` never runs stale code; without tsx it says which
// command builds the hub.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = `${root}dist/hub/cli.js`;
const sources = `${root}src`;

/** Newest modification time (ms) of the files under `folder`. */
function newest(folder) {
  let latest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return latest;
}

function tsxLoader() {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined; // a production install: no dev dependencies
  }
}

const checkout = existsSync(`${sources}/hub/cli.ts`);
const fresh = existsSync(compiled) && (!checkout || statSync(compiled).mtimeMs >= newest(sources));
const loader = fresh ? undefined : tsxLoader();
let cli;
if (fresh) {
  cli = await import(pathToFileURL(compiled).href);
} else if (checkout && loader) {
  const { register } = await import(loader);
  register();
  cli = await import(pathToFileURL(`${sources}/hub/cli.ts`).href);
} else {
  const why = existsSync(compiled) ? 'dist/hub is older than src/' : 'dist/hub/cli.js is missing';
  console.error(`codex-chat: the hub is not built (${why}): run \`npm ci && npm run build\` in ${root}`);
  process.exit(2);
}
await cli.main(process.argv.slice(2));
