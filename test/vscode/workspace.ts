/** The workspace both e2e suites use: a COPY of seeds/ and a notes.txt outside it, in a fresh temp folder. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '..', '..');

export function makeWorkspace(prefix = 'article-lens-ws-'): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(ws, 'seeds'));
  for (const f of fs.readdirSync(path.join(REPO, 'seeds'))) {
    if (f.endsWith('.txt')) fs.copyFileSync(path.join(REPO, 'seeds', f), path.join(ws, 'seeds', f));
  }
  fs.copyFileSync(path.join(REPO, 'test', 'e2e', 'fixtures', 'notes.txt'), path.join(ws, 'notes.txt'));
  return ws;
}
