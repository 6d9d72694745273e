// Times Mozilla Readability.js on linkedom over a folder of pages (.html or
// .html.gz, read recursively), one page at a time on one thread, as
// declutter-speed times the engine in its phase (b).
//
//   node bench/peers/readability_speed.mjs DIR [--limit N]
//
// Pages are read and decompressed before anything is timed; each page is timed
// from its string to Readability's article. Prints one line of figures, the
// last field being pages/s.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';

function pagesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...pagesUnder(path));
    else if (/\.html?(\.gz)?$/.test(name)) out.push(path);
  }
  return out;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))];
}

const args = process.argv.slice(2);
if (args.length < 1) {
  console.error('usage: node readability_speed.mjs DIR [--limit N]');
  process.exit(2);
}
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 0;
let paths = pagesUnder(args[0]);
if (limit > 0) paths = paths.slice(0, limit);
const pages = paths.map((p) => {
  const bytes = readFileSync(p);
  return (p.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
});
const totalBytes = pages.reduce((n, p) => n + Buffer.byteLength(p), 0);

const times = [];
let failures = 0;
const start = process.hrtime.bigint();
for (const html of pages) {
  const t0 = process.hrtime.bigint();
  try {
    const { document } = parseHTML(html);
    if (new Readability(document).parse() === null) failures++;
  } catch {
    failures++;
  }
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
times.sort((a, b) => a - b);
console.log(
  `readability+linkedom pages=${pages.length} failed_or_null=${failures} ` +
    `MB/s=${(totalBytes / 1e6 / seconds).toFixed(2)} p50_ms=${percentile(times, 0.5).toFixed(2)} ` +
    `p99_ms=${percentile(times, 0.99).toFixed(2)} pages/s=${(pages.length / seconds).toFixed(1)}`,
);
