/** Bundles the in-editor suite (test/vscode/suite/*.ts) to out/test/vscode/suite/*.js with esbuild. */
import * as path from 'path';
import { buildSync } from 'esbuild';
import { REPO } from './workspace';

export const SUITE_OUT = path.join(REPO, 'out', 'test', 'vscode', 'suite');

export function buildSuite(): string {
  buildSync({
    absWorkingDir: REPO,
    entryPoints: ['test/vscode/suite/index.ts', 'test/vscode/suite/article.test.ts'],
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // vscode is provided by the extension host; mocha is loaded from node_modules (it has dynamic requires)
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(SUITE_OUT, 'index.js');
}

if (require.main === module) console.log(buildSuite());
