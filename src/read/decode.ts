/**
 * File bytes to text. Decoding is strict: a file in Latin-1 or with a stray byte is reported at
 * the line of the first bad byte, never silently turned into U+FFFD mojibake that a fix would
 * then write back. A byte order mark is kept, so that a fix writes it back too.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export class NotUtf8Text extends Error {
  constructor(
    /** the text decoded leniently: only for turning `offset` into a line, never parsed or written */
    readonly lenientText: string,
    /** the character offset of the first byte that is not UTF-8 */
    readonly offset: number,
    byte: number,
  ) {
    super(`the file is not UTF-8 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} cannot be decoded (save the file as UTF-8)`);
    this.name = 'NotUtf8Text';
  }
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw locateBadByte(bytes);
  }
}

/** Walks the U+FFFD of a lenient decoding: the first one that the file did not spell out as EF BF BD is the bad byte. */
function locateBadByte(bytes: Uint8Array): NotUtf8Text {
  const lenientText = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const encoder = new TextEncoder();
  let byteOffset = 0;
  let previous = 0;
  for (let index = lenientText.indexOf('\uFFFD'); index !== -1; index = lenientText.indexOf('\uFFFD', index + 1)) {
    byteOffset += encoder.encode(lenientText.slice(previous, index)).length;
    previous = index;
    if (bytes[byteOffset] !== 0xef || bytes[byteOffset + 1] !== 0xbf || bytes[byteOffset + 2] !== 0xbd) {
      return new NotUtf8Text(lenientText, index, bytes[byteOffset] ?? 0);
    }
  }
  return new NotUtf8Text(lenientText, 0, bytes[0] ?? 0);
}
