import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeArticle } from '../../server/src/core/analysis';
import { context, newService } from '../helpers/resources';
import { parseSettings } from '../../server/src/core/settings';
import { PositionMapper } from '../../server/src/lsp/positions';
import { CORE_RUNS, countCases, counts, documentWithRepeats, extremeDocuments, fcParams, hostileDocument, POLNEAR_NOTE, scaledRuns } from './corpus';
import { checkAnalysis, checkDocument, dropDocument } from './invariants';

/**
 * Property tests of the pure core and the LSP converters on generated hostile documents: no
 * exception, every range valid, no lost characters. Fixed seed, bounded runs (see corpus.ts).
 */
describe('fuzz: core and converters on hostile documents', function () {
  this.timeout(0);
  const service = newService();
  let n = 0;

  before(() => console.log(`      seed ${process.env.ARTICLE_LENS_FUZZ_SEED ?? 'default'}, ${CORE_RUNS} core runs; ${POLNEAR_NOTE}`));

  /** Runs a check, counting a crash when it throws something other than an assertion. */
  function guarded(check: () => void): void {
    try {
      check();
    } catch (error) {
      if (!(error instanceof assert.AssertionError)) counts.crashes++;
      throw error;
    }
  }

  it(`${CORE_RUNS} random documents mixing article text with hostile content`, () => {
    fc.assert(
      fc.property(hostileDocument, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 4 }), (text, probes) => {
        countCases('core: hostile documents');
        guarded(() => checkDocument(service, text, `file:///fuzz/doc${n++}.txt`, { probes }));
        dropDocument(service, `file:///fuzz/doc${n - 1}.txt`);
      }),
      fcParams(CORE_RUNS),
    );
  });

  const repeatRuns = scaledRuns(250, 1, 5000);
  it(`${repeatRuns} random documents with repeated paragraphs: fixes keep one copy and every other character`, () => {
    fc.assert(
      fc.property(documentWithRepeats, (text) => {
        countCases('core: documents with repeats');
        guarded(() => checkDocument(service, text, `file:///fuzz/repeats${n++}.txt`, { probes: [0.25, 0.75] }));
        dropDocument(service, `file:///fuzz/repeats${n - 1}.txt`);
      }),
      fcParams(repeatRuns),
    );
  });

  const positionRuns = scaledRuns(1000);
  it(`${positionRuns} random texts: offsets and positions convert both ways, UTF-16 throughout`, () => {
    fc.assert(
      fc.property(hostileDocument, fc.nat(), fc.integer({ min: -5, max: 5 }), fc.integer({ min: -3, max: 1e6 }), (text, at, line, character) => {
        countCases('core: position conversions');
        const positions = new PositionMapper(text);
        const offset = text.length === 0 ? 0 : at % (text.length + 1);
        const position = positions.positionAt(offset);
        // The same position counted independently: line breaks are \n, \r\n and a lone \r, as in LSP.
        const before = text.slice(0, offset);
        const breaks = before.match(/\r\n|\r(?!\n)|\n/g) ?? [];
        const lastBreak = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
        if (!(text[offset - 1] === '\r' && text[offset] === '\n')) assert.deepStrictEqual(position, { line: breaks.length, character: offset - lastBreak - 1 });
        const back = positions.offsetAt(position);
        // Only an offset between the CR and LF of a CRLF has no position of its own.
        if (back !== offset) assert.ok(text[offset - 1] === '\r' && text[offset] === '\n' && back === offset - 1, `round trip of ${offset}`);
        // Positions past the end of a line or of the document, or before its start, are clamped into it.
        const clamped = positions.offsetAt({ line: position.line + line, character });
        assert.ok(Number.isInteger(clamped) && clamped >= 0 && clamped <= text.length, `clamped offset ${clamped}`);
        const again = positions.positionAt(clamped);
        assert.ok(again.line < positions.lineCount && again.character <= positions.lineLength(again.line), 'clamped position inside the text');
      }),
      fcParams(positionRuns),
    );
  });

  const analyzeRuns = scaledRuns(300, 1, 10_000);
  it(`${analyzeRuns} random documents through analyzeArticle directly and under random settings`, () => {
    fc.assert(
      fc.property(hostileDocument, fc.anything(), fc.integer({ min: -10, max: 5000 }), (text, raw, maxFileSize) => {
        countCases('core: analyzeArticle and settings');
        guarded(() => {
          checkAnalysis(text, analyzeArticle(text, context));
          const settings = parseSettings({ ...(typeof raw === 'object' && raw !== null ? raw : {}), maxFileSize, duplicateParagraphs: { severity: raw } });
          checkDocument(service, text, `file:///fuzz/settings${n++}.txt`, { settings, probes: [0.5] });
          dropDocument(service, `file:///fuzz/settings${n - 1}.txt`);
        });
      }),
      fcParams(analyzeRuns),
    );
  });

  for (const { name, text } of extremeDocuments()) {
    it(`extreme document: ${name}`, () => {
      countCases('core: extreme documents');
      const started = Date.now();
      guarded(() => checkDocument(service, text, `file:///fuzz/extreme-${name.replace(/\W+/g, '-')}.txt`, { probes: [0, 0.3, 0.999, 1] }));
      dropDocument(service, `file:///fuzz/extreme-${name.replace(/\W+/g, '-')}.txt`);
      assert.ok(Date.now() - started < 30_000, `${name}: analysed in ${Date.now() - started} ms`);
    });
  }
});
