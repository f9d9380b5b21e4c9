// Prints the extracted antd CSS (extract-antd-styles.tsx) on stdout; the vite build runs it in a
// child process (vite-plugin-antd-styles.ts), under NODE_ENV=production so that antd hashes its
// classes as the production bundle does. Arguments: the antd export names to render (none = all).
import { extractAntdStyles } from './extract-antd-styles.js';

const { css, failed } = extractAntdStyles(process.argv.slice(2));
if (failed.length > 0) console.error(`[antd-styles] not extracted (generated at runtime instead): ${failed.join(', ')}`);
process.stdout.write(css);
