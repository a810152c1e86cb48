/**
 * Writes the full analysis of articles, one JSON line per file (everything `ArticleAnalysis` holds but
 * the text: paragraphs, sentences and tokens, machine and final entities, quotes, actors, duplicates,
 * page furniture), for work that must change no output: dump before, change, dump after, compare the
 * files byte for byte (`cmp`). Run: `npm run dump:analysis -- --out FILE [files or folders…]`
 * (default: `../shared/data/polnear/{train,dev}/text`, read in place; never commit a dump of them).
 * Prints the CPU time of the analyses (dump writing excluded).
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeArticle, plainContext } from '../server/src/core/analysis';
import { loadDefaultResources } from '../server/src/diskData';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
if (outAt < 0 || !args[outAt + 1]) {
  console.error('Usage: npm run dump:analysis -- --out FILE [files or folders…]');
  process.exit(2);
}
const out = args.splice(outAt, 2)[1];
const polnear = path.join(__dirname, '..', '..', 'shared', 'data', 'polnear');
const inputs = args.length > 0 ? args : ['train', 'dev'].map((split) => path.join(polnear, split, 'text'));
const files: string[] = [];
for (const input of inputs) {
  if (!fs.existsSync(input)) {
    console.error(`${input}: not found (the PolNeAR texts are read from ../shared/data)`);
    process.exit(2);
  }
  if (!fs.statSync(input).isDirectory()) files.push(input);
  else for (const name of fs.readdirSync(input).sort()) if (name.endsWith('.txt')) files.push(path.join(input, name));
}
// Maps and sets (none today) would print as `{}`: written as their entries, so a dump never hides a difference.
const replacer = (_key: string, value: unknown) => (value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value);
const context = plainContext(loadDefaultResources());
const fd = fs.openSync(out, 'w');
let cpuMicros = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const before = process.cpuUsage();
  const { text: _text, ...analysis } = analyzeArticle(text, context);
  const used = process.cpuUsage(before);
  cpuMicros += used.user + used.system;
  fs.writeSync(fd, JSON.stringify({ file: path.relative(process.cwd(), file), ...analysis }, replacer) + '\n');
}
fs.closeSync(fd);
console.log(`${files.length} articles → ${out}; analysis CPU ${(cpuMicros / 1000).toFixed(0)} ms`);
