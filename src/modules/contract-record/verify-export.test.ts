import { describe, expect, test } from 'vitest';
import { canonicalJson, entryHash, genesisHash, type HashedEntry, RECORD_FORMAT } from './canonical.ts';
import { verifyRecordExport } from './verify-export.ts';

const contractId = '0b6f3c1e-7a52-4d0e-9c5b-2f1d8e4a6b70';

/** A small valid export built with the same hashing the server uses. */
function anExport(count = 3) {
  const entries: (Omit<HashedEntry, 'contractId'> & { hash: string })[] = [];
  let prevHash = genesisHash(contractId);
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      contractId,
      seq,
      kind: 'status_report.filed',
      actorId: null,
      at: new Date(Date.UTC(2026, 0, seq)).toISOString(),
      summary: `Week ${seq} report`,
      data: {
        percent: seq * 10,
        files: seq === 2 ? [{ id: contractId, name: 'a.txt', sha256: 'f'.repeat(64), sizeBytes: 3 }] : [],
      },
      prevHash,
    };
    const { contractId: _omit, ...rest } = fields;
    const hash = entryHash(fields);
    entries.push({ ...rest, hash });
    prevHash = hash;
  }
  return {
    format: RECORD_FORMAT,
    contract: { id: contractId },
    exportedAt: '2026-02-01T00:00:00.000Z',
    head: { seq: count, hash: prevHash },
    entries,
    files: [{ id: contractId, name: 'a.txt', sha256: 'f'.repeat(64), sizeBytes: 3 }],
  };
}

describe('canonical JSON', () => {
  test('the same value gives the same bytes whatever its key order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 'é', x: null }], c: { e: true, d: 2.5 } })).toBe(
      '{"a":[{"x":null,"y":"é"}],"b":1,"c":{"d":2.5,"e":true}}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('verifying an export offline', () => {
  test('a good export verifies, pretty-printed or not', () => {
    const document = anExport();
    const verdict = verifyRecordExport(JSON.stringify(document, null, 2));
    expect(verdict).toEqual({ ok: true, contractId, entries: 3, head: document.head.hash });
    expect(verifyRecordExport(JSON.stringify(document)).ok).toBe(true);
  });

  type Export = ReturnType<typeof anExport>;
  const entry = (document: Export, index: number) => {
    const found = document.entries[index];
    if (!found) throw new Error(`no entry ${index}`);
    return found;
  };
  const alterations: [string, (document: Export) => void, number][] = [
    [
      'a summary',
      (d) => {
        entry(d, 1).summary = 'Week 2 report!';
      },
      2,
    ],
    [
      'a data value',
      (d) => {
        entry(d, 2).data = { percent: 99, files: [] };
      },
      3,
    ],
    [
      'a timestamp',
      (d) => {
        entry(d, 0).at = '2026-01-01T00:00:00.001Z';
      },
      1,
    ],
    [
      'a hash',
      (d) => {
        entry(d, 1).hash = 'a'.repeat(64);
      },
      2,
    ],
    [
      'the order',
      (d) => {
        d.entries.reverse();
      },
      1,
    ],
    [
      'a removed entry',
      (d) => {
        d.entries.splice(1, 1);
      },
      2,
    ],
    [
      'the contract id',
      (d) => {
        d.contract.id = genesisHash('x').slice(0, 36);
      },
      1,
    ],
  ];
  test.each(alterations)('altering %s names the first altered entry', (_what, alter, seq) => {
    const document = anExport();
    alter(document);
    const verdict = verifyRecordExport(JSON.stringify(document, null, 2));
    expect(verdict).toMatchObject({ ok: false, seq });
  });

  test('a byte that breaks the JSON itself is located in its entry', () => {
    const text = JSON.stringify(anExport(), null, 2);
    const at = text.indexOf('"Week 3 report"');
    const broken = `${text.slice(0, at)}'${text.slice(at + 1)}`;
    expect(verifyRecordExport(broken)).toMatchObject({
      ok: false,
      seq: 3,
      message: expect.stringContaining('not valid JSON'),
    });
  });

  test('anything but a record export is refused', () => {
    expect(verifyRecordExport('{"format":"something-else"}')).toMatchObject({ ok: false, seq: null });
  });
});
