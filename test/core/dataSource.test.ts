import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { memoryDataSource, readListFile } from '../../server/src/core/dataSource';
import { dataFolder, diskDataSource } from '../../server/src/diskData';

/** The lines of a list as `split(/\r?\n/)` cuts them, each without its comment, trimmed, the empty ones left out. */
function listLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((raw) => raw.replace(/#.*$/, '').trim())
    .filter((line) => line !== '');
}

describe('list files (dataSource.readListFile)', () => {
  it('reads lines ended by a line feed, with or without a carriage return, without comments and blanks', () => {
    const text = '# a list\r\nSadly # an adverb\r\n\r\n  Take  \n#\nDo # a verb\rstill a comment\n\nlast\r';
    const source = memoryDataSource({ 'list.txt': text });
    // A carriage return before a line feed is no part of the line (the comment after `Sadly` goes); a lone one is
    // (`.` does not cross it, so that comment stays and the line is only trimmed), as at the end of the file.
    assert.deepStrictEqual(readListFile(source, 'list.txt'), ['Sadly', 'Take', 'Do # a verb\rstill a comment', 'last']);
    assert.deepStrictEqual(readListFile(source, 'list.txt'), listLines(text));
    assert.deepStrictEqual(readListFile(memoryDataSource({ 'empty.txt': '' }), 'empty.txt'), []);
    assert.deepStrictEqual(readListFile(memoryDataSource({ 'one.txt': '\n\none' }), 'one.txt'), ['one']);
  });

  it('reads every shipped list as those rules read it', () => {
    const folder = dataFolder();
    const disk = diskDataSource(folder);
    const lists: string[] = [];
    for (const dir of fs.readdirSync(folder)) {
      if (!fs.statSync(path.join(folder, dir)).isDirectory()) continue;
      for (const file of fs.readdirSync(path.join(folder, dir))) if (/\.(txt|tsv)$/.test(file)) lists.push(`${dir}/${file}`);
    }
    assert.ok(lists.length > 20, lists.join(', '));
    for (const list of lists) assert.deepStrictEqual(readListFile(disk, list), listLines(disk.readText(list)), list);
  });
});
