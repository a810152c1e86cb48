// Bundles the client, the server, the CLI and the actor map's webview script. Type checking is separate (`npm run typecheck`).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
/**
 * `--benchmarks` also bundles the benchmark scripts into dist/ (left out of the .vsix by .vscodeignore),
 * so `npm run bench*` measures the code as it ships: one bundle, as dist/server.js runs it. Run through
 * tsx instead, each module calls the others through CommonJS export getters and the tagger's hot loop
 * was measured a third slower.
 */
const benchmarks = process.argv.includes('--benchmarks');

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
    // esbuild (0.28) rewrites every regular expression literal with a Unicode property escape
    // (`/^\p{Lu}/u`) into `new RegExp(…)` for Node targets, so each call of a function holding one built
    // a new RegExp object (three to four times the cost of the test itself, on the analysis's per-token
    // paths). Node 20 supports the escapes natively: the literals are kept, compiled once per site.
    supported: { 'regexp-unicode-property-escapes': true },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  };
  const contexts = await Promise.all([
    esbuild.context({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    // msgpackr (the index cache's encoding) would load its optional native string extractor when one is
    // installed: it is switched off, so the server runs the same JavaScript from a clone as from the .vsix.
    esbuild.context({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', external: ['msgpackr-extract'], define: { 'process.env.MSGPACKR_NATIVE_ACCELERATION_DISABLED': '"true"' } }),
    esbuild.context({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
    // The workspace scan's worker thread (lsp/workspaceScan.ts), loaded by dist/server.js from beside it.
    esbuild.context({ ...common, entryPoints: ['server/src/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
    // The tagging workers of a large article's first analysis (server/src/tagging/), loaded from beside dist/server.js.
    esbuild.context({ ...common, entryPoints: ['server/src/tagging/taggingWorker.ts'], outfile: 'dist/taggingWorker.js' }),
    // The actor map's webview script and styles (client/src/actorMap/panel.ts loads them): a browser
    // bundle of its own, with cytoscape and d3-force inside, so the webview loads nothing remote.
    esbuild.context({
      ...common,
      entryPoints: ['client/webview/actorMap.ts', 'client/webview/actorMap.css'],
      outdir: 'dist/webview',
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      sourcemap: false,
    }),
    ...(benchmarks
      ? [
          ['scripts/bench.ts', 'dist/bench.js'],
          ['scripts/benchNer.ts', 'dist/bench-ner.js'],
          ['scripts/benchQuotes.ts', 'dist/bench-quotes.js'],
          ['scripts/benchAnnotations.ts', 'dist/bench-annotations.js'],
          ['scripts/benchAgreement.ts', 'dist/bench-agreement.js'],
          ['scripts/benchDuplicates.ts', 'dist/bench-duplicates.js'],
          ['scripts/benchCli.ts', 'dist/bench-cli.js'],
          ['scripts/benchIndexCache.ts', 'dist/bench-index-cache.js'],
          ['scripts/benchViews.ts', 'dist/bench-views.js'],
          ['scripts/benchLearning.ts', 'dist/bench-learning.js'],
        ].map(([entry, outfile]) =>
          // Packages stay in node_modules (compromise, the protocol types): only our code is bundled.
          esbuild.context({ ...common, entryPoints: [entry], outfile, packages: 'external' }),
        )
      : []),
  ]);
  copyData();
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
    // The CLI is package.json's `bin`: executable, so `npx article-lens` runs it from a clone whatever
    // npm does or does not link (it does not always mark the file itself).
    fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
