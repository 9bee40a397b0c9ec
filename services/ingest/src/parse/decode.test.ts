import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/fixtures.ts';
import { decodeBytes } from './decode.ts';

const ok = (bytes: Uint8Array) => {
  const r = decodeBytes(bytes);
  if (!r.ok) throw new Error(`expected text, got ${r.rejection.code}`);
  return r;
};

describe('decodeBytes', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(ok(Buffer.from('Café au lait')).text).toBe('Café au lait');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const r = ok(fixture('utf8-bom.txt'));
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith('Café owners')).toBe(true);
  });

  it('decodes UTF-16 LE and BE files that start with a BOM', () => {
    const le = ok(fixture('utf16le-bom.txt'));
    const be = ok(fixture('utf16be-bom.txt'));
    expect(le.encoding).toBe('utf-16le');
    expect(be.encoding).toBe('utf-16be');
    expect(le.text).toBe(be.text);
    expect(le.text).toContain('Les suspects ont été interpellés.');
  });

  it('refuses invalid UTF-8 instead of replacing bytes with U+FFFD', () => {
    const r = decodeBytes(fixture('invalid-utf8.txt'));
    expect(r).toMatchObject({ ok: false, rejection: { code: 'encoding' } });
  });

  it('refuses binary data (NUL bytes) as binary', () => {
    expect(decodeBytes(fixture('binary.txt'))).toMatchObject({ ok: false, rejection: { code: 'binary' } });
  });

  it('refuses UTF-16 without a BOM with a hint to re-save as UTF-8', () => {
    const r = decodeBytes(Buffer.from('Hello, this is UTF-16 without a mark', 'utf16le'));
    expect(r).toMatchObject({ ok: false, rejection: { code: 'encoding' } });
    if (!r.ok) expect(r.rejection.message).toMatch(/UTF-16/);
  });

  it('refuses control characters that never occur in text', () => {
    expect(decodeBytes(Buffer.from('text\u0007bell'))).toMatchObject({
      ok: false,
      rejection: { code: 'binary' },
    });
  });

  it('refuses an empty file', () => {
    expect(decodeBytes(new Uint8Array())).toMatchObject({ ok: false, rejection: { code: 'empty' } });
  });

  it('refuses a UTF-16 file with a BOM but an unpaired surrogate', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false });
  });
});
