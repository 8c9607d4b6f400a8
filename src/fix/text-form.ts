/**
 * The byte-level form of a file that the fixer must give back unchanged: a UTF-8 byte order mark
 * and CRLF line endings. Fixing works on the LF text without the mark; writing puts both back, so
 * an untouched line keeps its exact bytes.
 */
export interface TextForm {
  bom: boolean;
  eol: '\n' | '\r\n';
}

const BOM = '\uFEFF';

/** undefined for a file whose line endings are mixed: converting it back could not be exact. */
export function splitTextForm(raw: string): { text: string; form: TextForm } | undefined {
  const bom = raw.startsWith(BOM);
  const body = bom ? raw.slice(1) : raw;
  const crlf = (body.match(/\r\n/g) ?? []).length;
  const lf = (body.match(/\n/g) ?? []).length;
  const loneCr = (body.match(/\r(?!\n)/g) ?? []).length;
  if (loneCr > 0 || (crlf > 0 && crlf !== lf)) return undefined;
  return { text: crlf > 0 ? body.replaceAll('\r\n', '\n') : body, form: { bom, eol: crlf > 0 ? '\r\n' : '\n' } };
}

export function joinTextForm(text: string, form: TextForm): string {
  const body = form.eol === '\r\n' ? text.replaceAll('\n', '\r\n') : text;
  return form.bom ? BOM + body : body;
}
