// Bundles the client, the server and the CLI. Type checking is separate (`npm run typecheck`).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** The server and CLI read model and gazetteer files at run time; the bundles find them in dist/data. */
function copyData() {
  const from = path.join(__dirname, 'server', 'data');
  const to = path.join(__dirname, 'dist', 'data');
  fs.rmSync(to, { recursive: true, force: true });
  if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
}

async function main() {
  const common = {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  };
  const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.context({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.context({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
    // The workspace scan's worker thread (lsp/workspaceScan.ts), loaded by dist/server.js from beside it.
    esbuild.context({ ...common, entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  ]);
  copyData();
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
