import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createArticleService, limitedReason, looksBinary, MAX_ANALYSED_LINES } from '../../server/src/core/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { resources } from '../helpers/resources';

describe('binary text (looksBinary)', () => {
  it('passes articles, tabs, form feeds and Windows line ends; a NUL or many control characters in the first 8 KB mark a binary file', () => {
    const seeds = path.join(__dirname, '..', '..', 'seeds');
    for (const name of fs.readdirSync(seeds)) assert.strictEqual(looksBinary(fs.readFileSync(path.join(seeds, name), 'utf8')), false, name);
    assert.strictEqual(looksBinary('Lavrov said:\r\n\tno.\f\r\n'), false, 'tab, form feed, carriage return and line feed are text');
    assert.strictEqual(looksBinary(''), false);
    assert.strictEqual(looksBinary('Lavrov said no.\u0000'), true, 'a NUL');
    // Control characters count as a share of the first 8 KB: 1 in 10 is text, 2 in 10 is not.
    assert.strictEqual(looksBinary('\u0001abcdefghi'.repeat(10)), false);
    assert.strictEqual(looksBinary('\u0001\u001fabcdefgh'.repeat(10)), true);
    // Only the first 8 KB are read: what comes after never makes a file binary.
    assert.strictEqual(looksBinary('a'.repeat(8192) + '\u0000'), false);
    assert.strictEqual(looksBinary('a'.repeat(8191) + '\u0000'), true);
  });
});

describe('files of too many lines (limitedReason)', () => {
  it('counts line breaks as LSP does (LF, CR LF, a lone CR) up to MAX_ANALYSED_LINES, whatever the size', () => {
    // `count` lines: the last one ends without a break.
    const lines = (count: number, end: string) => 'x'.concat(end).repeat(count - 1) + 'x';
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES, '\n'), DEFAULT_SETTINGS), undefined, 'at the limit');
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES + 1, '\n'), DEFAULT_SETTINGS), 'too-many-lines');
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES, '\n') + '\n', DEFAULT_SETTINGS), 'too-many-lines', 'a last line break starts a line, as editors count');
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES, '\r\n'), DEFAULT_SETTINGS), undefined, 'CR LF is one break');
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES + 1, '\r\n'), DEFAULT_SETTINGS), 'too-many-lines');
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES + 1, '\r'), DEFAULT_SETTINGS), 'too-many-lines', 'an old Mac file');
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES / 2, '\r') + '\n' + lines(MAX_ANALYSED_LINES / 2 + 1, '\n'), DEFAULT_SETTINGS), 'too-many-lines', 'both kinds together');
    // Over both limits the lines say more (nothing is analysed, not even the repeats).
    assert.strictEqual(limitedReason(lines(MAX_ANALYSED_LINES + 1, '\n') + 'y'.repeat(DEFAULT_SETTINGS.maxFileSize), DEFAULT_SETTINGS), 'too-many-lines');
    assert.strictEqual(limitedReason('y'.repeat(DEFAULT_SETTINGS.maxFileSize + 1), DEFAULT_SETTINGS), 'too-large');
  });

  it('counts an open document once a version: an edit of the same length is counted again', () => {
    const service = createArticleService(resources);
    const uri = 'file:///lines/list.txt';
    const text = 'x\n'.repeat(MAX_ANALYSED_LINES);
    service.analyze({ uri, version: 1, getText: () => text });
    assert.strictEqual(service.getLimitedReason({ uri, version: 1, getText: () => text }), 'too-many-lines');
    // One break fewer, same length: the count of version 1 must not answer for version 2.
    const edited = 'x ' + text.slice(2);
    assert.strictEqual(service.getLimitedReason({ uri, version: 2, getText: () => edited }), undefined);
    assert.strictEqual(service.analyze({ uri, version: 2, getText: () => edited }).paragraphs.length > 0, true, 'the edited version is analysed');
    service.forget(uri);
  });
});
