import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { findPageFurniture, furnitureAt } from '../../server/src/core/pageFurniture';
import { splitParagraphs } from '../../server/src/core/paragraphs';
import { resources } from '../helpers/resources';
import { readSeed, ROOT, SEEDS } from '../helpers/seeds';

/**
 * Tokenises lines with the real TextMate engine VS Code uses (vscode-textmate + Oniguruma), so the
 * grammar is tested as the editor will run it, regex flavour included.
 */
async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async () => {
      const file = path.join(ROOT, 'syntaxes', 'article.tmLanguage.json');
      return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.article');
  if (!grammar) throw new Error('grammar did not load');
  return grammar;
}

/** The text of each token of a line that carries a scope containing `scopePart`. */
function scoped(grammar: textmate.IGrammar, line: string, scopePart: string): string[] {
  const { tokens } = grammar.tokenizeLine(line, textmate.INITIAL);
  return tokens.filter((t) => t.scopes.some((s) => s.includes(scopePart))).map((t) => line.slice(t.startIndex, t.endIndex));
}

describe('TextMate grammar', () => {
  let grammar: textmate.IGrammar;
  before(async () => (grammar = await loadGrammar()));

  it('marks the datelines of the seeds', () => {
    assert.deepStrictEqual(scoped(grammar, readSeed(SEEDS.lavrovJamil).split('\n')[0], 'entity.name.section.dateline'), ['MOSCOW']);
    const sana = readSeed(SEEDS.lavrovKerry).split('\n')[0];
    assert.deepStrictEqual(scoped(grammar, sana, 'entity.name.section.dateline'), ['Moscow']);
    assert.deepStrictEqual(scoped(grammar, sana, 'agency.article'), ['SANA']);
    const spaced = readSeed(SEEDS.lavrovZannier).split('\n')[2];
    assert.deepStrictEqual(scoped(grammar, spaced, 'agency.article'), ['SANA']);
  });

  it('does not take a hyphenated name at the start of a paragraph for a dateline', () => {
    assert.deepStrictEqual(scoped(grammar, 'Frank-Walter Steinmeier called for safe corridors.', 'meta.dateline'), []);
  });

  it('marks curly and straight quotations', () => {
    const curly = readSeed(SEEDS.lavrovKerry).split('\n')[1];
    assert.ok(scoped(grammar, curly, 'string.quoted.double.curly').join('').startsWith('“The use of force'));
    const straight = readSeed(SEEDS.lavrovJamil).split('\n')[6];
    assert.strictEqual(scoped(grammar, straight, 'string.quoted.double.article').join(''), '"terrorists and extremists"');
  });

  it("marks quotations between doubled apostrophes or backquotes, as the quote pass reads them (PolNeAR train, nyt_2015-11-09)", () => {
    const nyt = "''Good economic news for the country is bad political news for the Republicans,'' said Geoff Garin.";
    assert.strictEqual(scoped(grammar, nyt, 'string.quoted.double.doubled').join(''), "''Good economic news for the country is bad political news for the Republicans,''");
    assert.strictEqual(scoped(grammar, "``We will leave,'' Lavrov said.", 'string.quoted.double.doubled').join(''), "``We will leave,''");
    // An apostrophe that ends a word, or one of a plural possessive, opens nothing.
    assert.deepStrictEqual(scoped(grammar, "The Smiths' house and rock 'n' roll.", 'string.quoted'), []);
  });

  it("marks a doubled quotation that opens beside an inner single one, and nothing after its close", () => {
    const line = "He answered, '''Sir, we have decided,''' Mr. Regalado recalled.";
    assert.strictEqual(scoped(grammar, line, 'string.quoted.double.doubled').join(''), "'''Sir, we have decided,'''");
  });

  it("marks a doubled quotation after a colon, and no empty string of code", () => {
    assert.strictEqual(scoped(grammar, "He said:''We will win.''", 'string.quoted.double.doubled').join(''), "''We will win.''");
    assert.deepStrictEqual(scoped(grammar, "In the code x = '' and y = 1.", 'string.quoted'), []);
  });

  it('marks bylines and page furniture', () => {
    const lines = readSeed(SEEDS.lavrovKerry).split('\n');
    assert.deepStrictEqual(scoped(grammar, lines[lines.length - 1], 'byline.article'), ['Manal Ismael']);
    assert.deepStrictEqual(scoped(grammar, 'Check Also', 'comment.line.furniture'), ['Check Also']);
    assert.deepStrictEqual(scoped(grammar, 'Post a Comment', 'comment.line.furniture'), ['Post a Comment']);
    assert.deepStrictEqual(scoped(grammar, 'Follow Pam Key on Twitter @pamkeyNEN.', 'comment.line.furniture'), ['Follow Pam Key on Twitter @pamkeyNEN.']);
  });

  it('leaves story sentences that open with "Follow" unmarked, as the page-furniture detection does', () => {
    assert.deepStrictEqual(scoped(grammar, 'Follow the money on Twitter and you will find the same accounts pushing the story, he said.', 'comment.line.furniture'), []);
    assert.deepStrictEqual(scoped(grammar, 'Follow Donald Trump on Twitter and you will see, he said.', 'comment.line.furniture'), []);
  });

  it('marks as furniture only lines the page-furniture detection finds too, and marks its heading and comment lines (seeds and PolNeAR)', () => {
    const texts = Object.values(SEEDS).map(readSeed);
    const polnear = path.resolve(ROOT, '..', 'shared', 'data', 'polnear');
    for (const split of ['train', 'dev']) {
      const dir = path.join(polnear, split, 'text');
      if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir).sort()) texts.push(fs.readFileSync(path.join(dir, name), 'utf8'));
    }
    const mismatches: string[] = [];
    let marked = 0;
    for (const text of texts) {
      const paragraphs = splitParagraphs(text);
      const regions = findPageFurniture(paragraphs, resources.furniture);
      for (const p of paragraphs) {
        if (/[\r\n]/.test(p.text) || p.text.length > 300) continue;
        const byGrammar = scoped(grammar, p.text, 'comment.line.furniture').length > 0;
        const region = furnitureAt(regions, p.start);
        if (byGrammar) marked++;
        if (byGrammar && !region) mismatches.push(`grammar only: ${JSON.stringify(p.text)}`);
        // Headings of teasers and lists, and comment lines, are read from the line alone: the grammar knows them.
        if (region && region.paragraphs[0].index === p.index && /^(?:check also|related:?|"related:"|no comments:|post a comment|advertisement)$/i.test(p.text.trim()) && !byGrammar) mismatches.push(`detection only: ${JSON.stringify(p.text)}`);
      }
    }
    assert.ok(marked >= 5, `${marked} furniture lines marked`);
    assert.deepStrictEqual(mismatches, []);
  });
});
