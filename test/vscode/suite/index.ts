/**
 * Entry point that VS Code's extension host loads (`--extensionTestsPath`): runs the Mocha suite in
 * ./article.test.ts inside a real VS Code, against the extension under development.
 * Bundled to out/test/vscode/suite/*.js by ../build.ts; mocha itself is resolved from node_modules.
 */
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'article.test.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      // for hosts that do not report the exit code (e.g. code-server): leave a result file if asked to
      const resultFile = process.env.ARTICLE_LENS_SUITE_RESULT;
      if (resultFile) fs.writeFileSync(resultFile, JSON.stringify({ failures }));
      if (failures > 0) reject(new Error(`${failures} VS Code suite test(s) failed`));
      else resolve();
    });
  });
}
