import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError } from '../cli/command.ts';
import { generateCommand } from './command.ts';

afterEach(() => vi.restoreAllMocks());

describe('./gongkai generate', () => {
  it('writes the eight files and prints counts, never an ID number', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gk-cmd-')), 'county');
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
    expect(await generateCommand.run(['--scale', 'small', '--out', out, '--seed', '4'])).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['areas.csv', 'budget-lines.csv', 'disbursements.csv', 'funds.csv', 'institutions.csv', 'projects.csv', 'quotas.csv', 'staff.csv']);
    const text = lines.join('\n');
    expect(text).toMatch(/disbursements\.csv\s+[\d,]+ rows/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
  });

  it('answers bad options with a usage message, not a stack trace', () => {
    expect(() => generateCommand.run(['--out', '/tmp/x'])).toThrow(UserError);
    expect(() => generateCommand.run(['--scale', 'huge', '--out', '/tmp/x'])).toThrow(/small or seed/);
    expect(() => generateCommand.run(['--scale', 'small'])).toThrow(/--out/);
    expect(() => generateCommand.run(['--scale', 'small', '--out', '/tmp/x', '--seed', 'abc'])).toThrow(/whole number/);
    expect(() => generateCommand.run(['--scale', 'small', '--out', '/tmp/x', '--encoding', 'latin1'])).toThrow(/utf8 or gb18030/);
    expect(() => generateCommand.run(['--scale', 'small', '--out', '/tmp/x', '--bogus'])).toThrow(UserError);
  });
});
