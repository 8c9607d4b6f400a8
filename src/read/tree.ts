/**
 * The parser-independent shape of a config file: what the comparison and the rules read.
 * Offsets point into the file's text; `keyStart` is where a finding about the entry is placed.
 */
export type ScalarValue = string | number | boolean | null | bigint;

interface NodeBase {
  /** offset of the first character of the value */
  start: number;
  /** offset just past the value */
  end: number;
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
}

export interface MapEntry {
  key: string;
  keyStart: number;
  value: TreeNode;
  /** the entry came from a merge key (`<<: *anchor`), not from this mapping's own text */
  merged: boolean;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  entries: MapEntry[];
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: TreeNode[];
}

export type TreeNode = (ScalarNode | MapNode | SeqNode) & {
  /** reached through an alias: its text lives at the anchor, shared with other places */
  aliased?: boolean;
};

export interface ParseProblem {
  message: string;
  offset: number;
}

export interface ParsedFile {
  /** one entry per non-empty document */
  documents: TreeNode[];
  problems: ParseProblem[];
  /** 1-based line and column of an offset */
  position(offset: number): { line: number; column: number };
}
