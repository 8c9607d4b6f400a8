import type { Plain } from './extract.js';
import { spaces } from './lines.js';
import { keyTextFor, scalarText } from './scalar-text.js';

/** How a file indents: nested mappings by `unit`, a sequence under its key by `seqIndent` (0 or more). */
export interface BlockStyle {
  unit: number;
  seqIndent: number;
}

export class RenderError extends Error {}

/**
 * Renders a value that has no usable source text (it came through an alias or a merge, or sits in a
 * different style): block style as the target indents it, flow style inside `{}` / `[]`, JSON in a
 * JSON file. Throws RenderError when a scalar cannot be written so that it reads back the same.
 */
export function blockPairLines(key: string, keyRaw: string | undefined, value: Plain, column: number, style: BlockStyle): string[] {
  const head = `${spaces(column)}${keyTextFor(key, 'block', { raw: keyRaw })}:`;
  if (value.kind === 'scalar') return [`${head} ${scalarOrThrow(value, 'block')}`];
  if (value.kind === 'map') {
    if (value.entries.length === 0) return [`${head} {}`];
    return [head, ...value.entries.flatMap((entry) => blockPairLines(entry.key, entry.keyRaw, entry.value, column + style.unit, style))];
  }
  if (value.items.length === 0) return [`${head} []`];
  return [head, ...value.items.flatMap((item) => blockItemLines(item, column + style.seqIndent, style))];
}

export function blockItemLines(value: Plain, dashColumn: number, style: BlockStyle): string[] {
  const dash = `${spaces(dashColumn)}- `;
  if (value.kind === 'scalar') return [`${dash}${scalarOrThrow(value, 'block')}`];
  if (value.kind === 'seq' || value.entries.length === 0) return [`${dash}${flowText(value, {})}`];
  const lines = value.entries.flatMap((entry) => blockPairLines(entry.key, entry.keyRaw, entry.value, dashColumn + 2, style));
  lines[0] = dash + lines[0].slice(dashColumn + 2);
  return lines;
}

export interface FlowOptions {
  json?: boolean;
  /** multi-line JSON: the column of the enclosing line and the indentation step */
  pretty?: { column: number; unit: number };
}

export function flowText(value: Plain, options: FlowOptions): string {
  if (value.kind === 'scalar') return scalarOrThrow(value, 'flow', options.json);
  const pretty = options.pretty;
  const inner = pretty ? { ...options, pretty: { column: pretty.column + pretty.unit, unit: pretty.unit } } : options;
  const parts =
    value.kind === 'map'
      ? value.entries.map((entry) => `${keyTextFor(entry.key, 'flow', { raw: entry.keyRaw, json: options.json })}: ${flowText(entry.value, inner)}`)
      : value.items.map((item) => flowText(item, inner));
  const [open, close] = value.kind === 'map' ? ['{', '}'] : ['[', ']'];
  if (parts.length === 0) return open + close;
  if (!pretty) return `${open}${parts.join(', ')}${close}`;
  const indent = spaces(pretty.column + pretty.unit);
  return `${open}\n${parts.map((part) => indent + part).join(',\n')}\n${spaces(pretty.column)}${close}`;
}

function scalarOrThrow(value: Extract<Plain, { kind: 'scalar' }>, context: 'block' | 'flow', json?: boolean): string {
  const text = scalarText(value.source, context, undefined, { json });
  if (text === undefined) throw new RenderError(`the value ${String(value.source.value)} cannot be written here so that it reads back the same`);
  return text;
}
