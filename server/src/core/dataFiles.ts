import * as fs from 'fs';
import * as path from 'path';

/**
 * Finds a file of `server/data/` at run time. The bundles in `dist/` carry a copy in `dist/data/`
 * (esbuild.js copies it); tests run the TypeScript sources, where the folder is `server/data/`.
 */
export function resolveDataFile(relativePath: string): string {
  const candidates = [
    path.join(__dirname, 'data', relativePath), // dist/server.js, dist/cli.js
    path.join(__dirname, '..', '..', 'data', relativePath), // server/src/core/*.ts
    path.join(__dirname, '..', '..', '..', 'data', relativePath), // server/src/core/<sub>/*.ts
  ];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`Article Lens data file not found: ${relativePath} (looked in ${candidates.join(', ')})`);
}
