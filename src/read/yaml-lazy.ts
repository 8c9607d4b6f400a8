import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * The parts of `yaml` the engine calls, loaded on first use rather than at start-up: most runs
 * read every file through fast-parse.ts and never need it, and loading it costs 15–40 ms of a
 * commit hook. Same names and types as yaml's own exports, so callers only change their import.
 */
let loaded: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return loaded;
}

export const parseAllDocuments = ((...args: Parameters<typeof Yaml.parseAllDocuments>) => yaml().parseAllDocuments(...args)) as typeof Yaml.parseAllDocuments;
export const parseDocument = ((...args: Parameters<typeof Yaml.parseDocument>) => yaml().parseDocument(...args)) as typeof Yaml.parseDocument;
/** `new LineCounter()` works: a constructor that returns an object hands out that object. */
export const LineCounter = function LineCounter() {
  return new (yaml().LineCounter)();
} as unknown as typeof Yaml.LineCounter;
export const isAlias = ((node: unknown) => yaml().isAlias(node)) as typeof Yaml.isAlias;
export const isMap = ((node: unknown) => yaml().isMap(node)) as typeof Yaml.isMap;
export const isPair = ((node: unknown) => yaml().isPair(node)) as typeof Yaml.isPair;
export const isScalar = ((node: unknown) => yaml().isScalar(node)) as typeof Yaml.isScalar;
export const isSeq = ((node: unknown) => yaml().isSeq(node)) as typeof Yaml.isSeq;
/** The stages of parseAllDocuments, for reading a file with its nesting checked before composing. */
export const Parser = function Parser(...args: ConstructorParameters<typeof Yaml.Parser>) {
  return new (yaml().Parser)(...args);
} as unknown as typeof Yaml.Parser;
export const Composer = function Composer(...args: ConstructorParameters<typeof Yaml.Composer>) {
  return new (yaml().Composer)(...args);
} as unknown as typeof Yaml.Composer;
export const Lexer = function Lexer() {
  return new (yaml().Lexer)();
} as unknown as typeof Yaml.Lexer;
export const visit = ((...args: Parameters<typeof Yaml.visit>) => yaml().visit(...args)) as typeof Yaml.visit;
