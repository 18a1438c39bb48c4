import { describe, expect, it } from 'vitest';
import { parseLoadCsv } from '../../src/traffic-csv/parse-load-csv.ts';

describe('parseLoadCsv', () => {
  it('reads ISO timestamps with a header into a series at the file step', () => {
    const csv = 'timestamp,requests_per_second\n2025-03-03T00:00:00Z,10\n2025-03-03T00:05:00Z,12.5\n2025-03-03T00:10:00Z,11\n';
    const result = parseLoadCsv(csv);
    expect(result).toEqual({
      ok: true,
      shape: { kind: 'series', stepMinutes: 5, requestsPerSecond: [10, 12.5, 11] },
      rowCount: 3,
      startIso: '2025-03-03T00:00:00.000Z',
    });
  });

  it('reads minutes without a header, with comments, blank lines, semicolons and CRLF', () => {
    const csv = '# exported from grafana\r\n0;4\r\n\r\n15;6\r\n30;8\r\n';
    expect(parseLoadCsv(csv)).toEqual({ ok: true, shape: { kind: 'series', stepMinutes: 15, requestsPerSecond: [4, 6, 8] }, rowCount: 3 });
  });

  it('treats timestamps without an offset as UTC and honours offsets', () => {
    const result = parseLoadCsv('2025-03-03 01:00,1\n2025-03-03T02:00:00+01:00,2\n');
    expect(result.ok).toBe(false); // 01:00Z then 01:00Z: time does not move forward
    const ok = parseLoadCsv('2025-03-03 01:00,1\n2025-03-03T03:00:00+01:00,2\n');
    expect(ok).toMatchObject({ ok: true, shape: { stepMinutes: 60 }, startIso: '2025-03-03T01:00:00.000Z' });
  });

  it('finds named columns in any order', () => {
    const csv = 'rps,host,time\n5,a,0\n6,a,1\n';
    expect(parseLoadCsv(csv)).toMatchObject({ ok: true, shape: { stepMinutes: 1, requestsPerSecond: [5, 6] } });
  });

  it('reports every bad row with its line number, what was wrong and an example, without throwing', () => {
    const csv = ['timestamp,requests_per_second', '2025-03-03T00:00:00Z,10', '2025-03-03T00:01:00Z,-3', 'yesterday,4', '2025-03-03T00:03:00Z', '2025-03-03T00:04:00Z,abc'].join('\n');
    const result = parseLoadCsv(csv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(result.problems[0]!.message).toMatch(/"-3" is not a number >= 0/);
    expect(result.problems[1]!.message).toMatch(/"yesterday" is not an ISO timestamp/);
    expect(result.problems[2]!.message).toMatch(/expected two fields/);
    for (const problem of result.problems) expect(problem.example).toBe('2025-03-03T14:00:00Z,42.5');
  });

  it('reports uneven or backward steps at the line where they happen', () => {
    const result = parseLoadCsv('0,1\n5,1\n10,1\n20,1\n15,1\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(2);
    expect(result.problems[0]).toMatchObject({ line: 4, example: '840,42.5' });
    expect(result.problems[0]!.message).toMatch(/step of 10 min after line 3, but the first rows are 5 min apart/);
    expect(result.problems[1]).toMatchObject({ line: 5 });
    expect(result.problems[1]!.message).toMatch(/does not move forward/);
  });

  it('reports broken quoting, empty input and a single row', () => {
    const broken = parseLoadCsv('0,1\n1,"2\n');
    expect(broken).toMatchObject({ ok: false, problems: [{ line: 2 }] });
    expect(parseLoadCsv('')).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringMatching(/at least two rows/) }] });
    expect(parseLoadCsv('time,rps\n0,1\n')).toMatchObject({ ok: false, problems: [{ line: 2 }] });
  });

  it('caps the list of problems and says how many more there were', () => {
    const csv = Array.from({ length: 30 }, (_, i) => `${i},x`).join('\n');
    const result = parseLoadCsv(`0,1\n${csv}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(11);
    expect(result.problems[10]!.message).toMatch(/and 20 more problems/);
  });
});
