import * as assert from 'assert';
import type { ArticleService } from '../../server/src/core/languageService';
import { paragraphCodeActions } from '../../server/src/lsp/codeActions';
import { PositionMapper } from '../../server/src/lsp/positions';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { newService } from '../helpers/resources';

/**
 * Fix-all's removals are found only when fix-all is asked for by kind (the Source Action menu, fix-all on save):
 * they may cost a second search for repeats over a large article (core/duplicates/removal.ts), and VS Code asks for
 * the lightbulb's code actions, without a kind, at every cursor move.
 */
describe('code actions: fix-all is computed only when asked for (lsp/codeActions.ts)', () => {
  const paragraph = 'Russian Foreign Minister Sergei Lavrov met Monday with Syrian Deputy Prime Minister Qadri Jamil in Moscow.';
  const text = `Lavrov meets Jamil\n\n${paragraph}\n\nThe talks went on for hours.\n\n${paragraph}\n`;
  const document = { uri: 'file:///fix-all-on-demand.txt', version: 1, getText: () => text };

  function counting(): { service: ArticleService; calls: () => number } {
    const shipped = newService();
    let calls = 0;
    // The service is frozen: a copy of it whose fix-all counts its calls.
    const service: ArticleService = {
      ...shipped,
      getFixAllRemovals: (...args: Parameters<ArticleService['getFixAllRemovals']>) => {
        calls++;
        return shipped.getFixAllRemovals(...args);
      },
    };
    return { service, calls: () => calls };
  }

  it('the lightbulb (no kind) and quick fixes do not compute it; source.fixAll does, and gets the edit', () => {
    const { service, calls } = counting();
    const positions = new PositionMapper(text);
    const repeat = { start: text.lastIndexOf(paragraph), end: text.lastIndexOf(paragraph) + 5 };
    const lightbulb = paragraphCodeActions(service, document, DEFAULT_SETTINGS, repeat, undefined, [], positions);
    assert.ok(!lightbulb.some((a) => a.kind?.startsWith('source.fixAll')));
    const quickFixes = paragraphCodeActions(service, document, DEFAULT_SETTINGS, repeat, ['quickfix'], [], positions);
    assert.ok(!quickFixes.some((a) => a.kind?.startsWith('source.fixAll')));
    assert.strictEqual(calls(), 0, 'fix-all was not computed for the lightbulb or the quick fixes');
    const fixAll = paragraphCodeActions(service, document, DEFAULT_SETTINGS, repeat, ['source.fixAll'], [], positions);
    assert.strictEqual(calls(), 1);
    assert.deepStrictEqual(fixAll.map((a) => a.kind), ['source.fixAll.articleLens']);
    assert.ok(fixAll[0].edit, 'the fix-all action carries its edit');
  });
});
