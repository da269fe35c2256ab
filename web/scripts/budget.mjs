// The first page's JavaScript budget: what index.html loads before the shop shows (its entry
// script and the modules it preloads), gzipped, must stay under 200 KB. Fails the build otherwise.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 200 * 1024;
const out = 'target/classes/static';
const html = readFileSync(join(out, 'index.html'), 'utf8');
const scripts = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((match) => match[1]);
const sizes = scripts.map((src) => {
  const bytes = readFileSync(join(out, src));
  return { src, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
});
const gzipped = sizes.reduce((sum, file) => sum + file.gzipped, 0);
writeFileSync('target/first-page-js.json', JSON.stringify({ budget: BUDGET, gzipped, files: sizes }, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `first page JavaScript: ${kb(gzipped)} gzipped (budget ${kb(BUDGET)}): ${sizes.map((f) => `${f.src} ${kb(f.gzipped)}`).join(', ')}`,
);
if (scripts.length === 0 || gzipped > BUDGET) {
  console.error(scripts.length === 0 ? 'no script found in index.html' : 'over the budget');
  process.exit(1);
}
