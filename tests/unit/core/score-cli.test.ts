import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/core/cli/main';
import { tempDir } from '../helpers';

const root = join(__dirname, '..', '..', '..');
const example = join(root, 'tests', 'fixtures', 'scoring', 'worked-example.json');

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['score', ...argv], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/** The worked example with the results `score` printed for it, optionally edited. */
async function withResults(edit: (results: any) => void = () => {}): Promise<string> {
  const printed = JSON.parse((await run('--no-quality', example)).out);
  edit(printed);
  const file = join(tempDir(), 'with-results.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(example, 'utf8')), results: printed }));
  return file;
}

describe('ruang-juri score', () => {
  it('prints ruang-juri/result@1 for a scoring file', async () => {
    const { code, out } = await run(example);
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.format).toBe('ruang-juri/result@1');
    expect(result.entries.map((e: any) => [e.entry, e.rank, e.total])).toEqual([
      ['e2', 1, '83.86'],
      ['e1', 2, '83.86'],
      ['e3', 3, '74.25'],
      ['e4', null, null],
    ]);
    expect(result.quality.advisory).toBe(true);
  });

  it('--check exits 0 when the carried results agree, 1 listing each difference when they do not', async () => {
    const agree = await run('--check', await withResults());
    expect([agree.code, agree.out]).toEqual([0, expect.stringMatching(/the results agree with a recomputation/)]);
    const differ = await run(
      '--check',
      await withResults((r) => {
        r.entries[0].total = '83.87';
        r.entries[2].criteria.c2.dropped = ['j4'];
      }),
    );
    expect(differ.code).toBe(1);
    expect(differ.out).toContain('2 differences from a recomputation:');
    expect(differ.out).toContain('e2 total: file "83.87", recomputed "83.86"');
    expect(differ.out).toContain('e3 criteria.c2.dropped: file ["j4"], recomputed ["j1","j2"]');
  });

  it('exits 2 naming the field of an invalid file, and on bad usage', async () => {
    const file = join(tempDir(), 'bad.json');
    const doc = JSON.parse(readFileSync(example, 'utf8'));
    doc.marks[3].juror = 'j9';
    doc.method.minJurors = 0;
    writeFileSync(file, JSON.stringify(doc));
    const invalid = await run(file);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain('is not a valid scoring file');
    expect(invalid.err).toContain('method.minJurors: expected a whole number from 1 to 1000, got 0');
    doc.method.minJurors = 3;
    writeFileSync(file, JSON.stringify(doc));
    expect((await run(file)).err).toContain('marks[3].juror: unknown juror "j9"');
    expect((await run()).code).toBe(2);
    expect((await run('--check', example)).err).toContain('carries no "results" to check');
    expect((await run(join(tempDir(), 'missing.json'))).err).toContain('cannot read');
    expect((await run('--bogus', example)).code).toBe(2);
  });

  it('runs from the installed command with its exit code', async () => {
    const file = await withResults((r) => (r.entries[0].rank = 2));
    const child = spawnSync(process.execPath, [join(root, 'bin', 'ruang-juri.cjs'), 'score', '--check', file], { encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain('e2 rank: file 2, recomputed 1');
  }, 60_000);
});
