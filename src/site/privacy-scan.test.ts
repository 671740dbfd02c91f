import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { idCheckChar } from '../privacy/id-number.ts';
import { scanSite, type NameRules } from './privacy-scan.ts';

const first17 = '43052419680312123';
const validId = first17 + idCheckChar(first17);
const wrongCheck = first17 + (idCheckChar(first17) === '0' ? '1' : '0');
const rules: NameRules = { forbidden: new Set(['王小明', '李芳']), allowed: new Set(['李芳华']) };

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function site(files: Record<string, string | Buffer>): string {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

describe('scanSite', () => {
  it('passes a page with only masked data', async () => {
    const root = site({ 'villages/1/index.html': `<td>户号 0012 · 王*明 · 430524********123X</td><td>${wrongCheck}</td>` });
    expect((await scanSite(root, rules)).leaks).toEqual([]);
  });

  it('finds a full ID number anywhere, also inside a .gz twin', async () => {
    const root = site({ 'a.json': `{"id":"${validId}"}`, 'b.csv.gz': gzipSync(`x,${validId}\r\n`) });
    const { leaks } = await scanSite(root, rules);
    expect(leaks.map((l) => [l.file, l.kind])).toEqual(
      expect.arrayContaining([
        ['a.json', 'id-number'],
        ['b.csv.gz', 'id-number'],
      ]),
    );
  });

  it('finds the full name of a masked recipient, even inside other text', async () => {
    const root = site({ 'p/index.html': '<p>领取人王小明已签字</p>' });
    const { leaks } = await scanSite(root, rules);
    expect(leaks).toHaveLength(1);
    expect(leaks[0]).toMatchObject({ file: 'p/index.html', kind: 'full-name' });
  });

  it('does not flag a public name that contains a forbidden one', async () => {
    const root = site({ 'staff/index.html': '<td>李芳华</td>' });
    expect((await scanSite(root, rules)).leaks).toEqual([]);
  });
});

describe('public text', () => {
  it('does not flag a name that is also a word the site prints, but still flags it elsewhere', async () => {
    const withText: NameRules = { ...rules, forbidden: new Set(['金额']), publicText: new Set(['发放金额']) };
    const root = site({ 'a.html': '<td>发放金额</td>', 'b.html': '<td>领取人金额签字</td>' });
    const { leaks } = await scanSite(root, withText);
    expect(leaks.map((l) => l.file)).toEqual(['b.html']);
  });
});
