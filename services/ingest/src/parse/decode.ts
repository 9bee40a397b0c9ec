import { type Rejection, reject } from '../errors.ts';

/** Encodings the decoder accepts; UTF-16 only with a byte-order mark. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; rejection: Rejection };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Which encoding a byte-order mark announces, and how many bytes it takes. */
export function sniffBom(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2]) {
    return { encoding: 'utf-8', bomLength: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

/**
 * Control characters other than tab, newline, carriage return and form feed: a text file never has them,
 * a binary file almost always does (NUL above all).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const BINARY_CONTROL = /[\u0000-\u0008\u000e-\u001f]/;

/**
 * Decodes a file's bytes to text. UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM are accepted;
 * bytes that do not decode are refused (`invalid_encoding`), never replaced with U+FFFD; decoded text
 * carrying control characters such as NUL is refused as `binary_content`.
 */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, rejection: reject('empty', 'the file is empty') };
  const { encoding, bomLength } = sniffBom(bytes);
  if (encoding === 'utf-8' && bytes.includes(0)) {
    if (bomLength === 0 && looksLikeBomlessUtf16(bytes)) {
      return {
        ok: false,
        rejection: reject('encoding', 'looks like UTF-16 without a byte-order mark; save it as UTF-8'),
      };
    }
    return { ok: false, rejection: reject('binary', `binary data: NUL byte at offset ${bytes.indexOf(0)}`) };
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bomLength));
  } catch (cause) {
    const what = encoding === 'utf-8' ? 'not valid UTF-8' : `not valid ${encoding.toUpperCase()}`;
    return { ok: false, rejection: reject('encoding', `${what}: ${(cause as Error).message}`) };
  }
  const control = BINARY_CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    return {
      ok: false,
      rejection: reject('binary', `binary data: control character U+${code} at offset ${control.index}`),
    };
  }
  return { ok: true, text, encoding };
}

/** Many NULs at even or odd positions in the first bytes: UTF-16 text of a Latin script without a BOM. */
function looksLikeBomlessUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  return (oddNul > pairs * 0.6 && evenNul === 0) || (evenNul > pairs * 0.6 && oddNul === 0);
}
