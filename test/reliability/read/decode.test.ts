import { describe, expect, it } from 'vitest';
import { decodeUtf8, NotUtf8Text } from '../../../src/read/decode.js';

function decodeError(bytes: number[]): NotUtf8Text {
  try {
    decodeUtf8(Uint8Array.from(bytes));
  } catch (error) {
    if (error instanceof NotUtf8Text) return error;
    throw error;
  }
  throw new Error('decoded without error');
}

describe('strict UTF-8 decoding', () => {
  it('keeps a byte order mark, so that a fix writes it back', () => {
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\uFEFFa');
  });

  it('keeps CRLF line endings as they are', () => {
    expect(decodeUtf8(new TextEncoder().encode('a: 1\r\nb: 2\r\n'))).toBe('a: 1\r\nb: 2\r\n');
  });

  it('locates a Latin-1 byte after multi-byte characters and a genuine U+FFFD', () => {
    const prefix = [...new TextEncoder().encode('€ \uFFFD ok\nnom: caf')];
    const error = decodeError([...prefix, 0xe9, 0x0a]);
    expect(error.offset).toBe('€ \uFFFD ok\nnom: caf'.length);
    expect(error.message).toBe('the file is not UTF-8 text: byte 0xE9 cannot be decoded (save the file as UTF-8)');
  });

  it.each([
    ['an overlong encoding', [0x61, 0xc0, 0xaf], 1, 0xc0],
    ['an encoded surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2, 0xed],
    ['a sequence cut off at the end', [0x61, 0xe2, 0x82], 1, 0xe2],
    ['a stray continuation byte', [0x80], 0, 0x80],
  ])('refuses %s', (_name, bytes, offset, byte) => {
    const error = decodeError(bytes);
    expect(error.offset).toBe(offset);
    expect(error.message).toContain(`byte 0x${byte.toString(16).toUpperCase()}`);
  });
});
