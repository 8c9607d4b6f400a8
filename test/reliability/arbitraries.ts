import fc from 'fast-check';
import { stringify } from 'yaml';

/** Pieces of YAML syntax a mutation splices in: the characters and forms that change structure. */
const YAML_PIECES = [
  ':', ': ', '- ', '? ', '[', ']', '{', '}', ',', '"', "'", '#', '|', '>', '&a ', '*a', '&b ', '*b', '<<: *a',
  '!!merge <<: *b', '!!str ', '!custom ', '%YAML 1.2\n', '---\n', '...\n', '\n', '\r\n', '\t', '  ', '    ', '\0',
  '\uFEFF', '\u0085', '\u2028', 'é', '😀', '~', 'null', 'true', '0x1F', '1e309', '-.inf', '.nan', '@', '`', '\\', '%',
  'sk_live_FAKEFAKEFAKEFAKEFAKE', 'postgres://user:FAKEpass@db/x',
];

/** Keys that exercise identity fields, merges, quoting and the key path syntax. */
const keyArbitrary = fc.oneof(
  fc.constantFrom('id', 'name', 'key', 'plans', 'stripe', 'secretKey', 'a.b', 'x[0]', '"q"', '<<', '', ' ', 'kind', 'metadata'),
  fc.string({ maxLength: 8 }),
);

/** A config-shaped JSON value: nested mappings and lists of objects with ids, as service files hold. */
export const configValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.dictionary(keyArbitrary, tie('value'), { maxKeys: 5 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.record({ id: fc.constantFrom('free', 'pro', 'team', 'pro'), amount: fc.integer() }), { maxLength: 4 }),
  ),
})).value;

/** Valid YAML or JSON text of a config-shaped value, in the styles real files use. */
export const validText: fc.Arbitrary<string> = fc.tuple(configValue, fc.constantFrom('yaml', 'json', 'json-pretty', 'flow')).map(([value, style]) => {
  if (style === 'json') return JSON.stringify(value) ?? 'null';
  if (style === 'json-pretty') return `${JSON.stringify(value, null, 2) ?? 'null'}\n`;
  return stringify(value, { collectionStyle: style === 'flow' ? 'flow' : 'any' });
});

type Mutation = { kind: 'insert'; at: number; piece: string } | { kind: 'delete'; at: number; length: number } | { kind: 'duplicate-line'; at: number };

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...YAML_PIECES), fc.string({ maxLength: 4, unit: 'binary' })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
);

function applyMutation(text: string, mutation: Mutation): string {
  const at = text.length === 0 ? 0 : mutation.at % (text.length + 1);
  if (mutation.kind === 'insert') return text.slice(0, at) + mutation.piece + text.slice(at);
  if (mutation.kind === 'delete') return text.slice(0, at) + text.slice(at + mutation.length);
  const lines = text.split('\n');
  const index = lines.length === 0 ? 0 : mutation.at % lines.length;
  return [...lines.slice(0, index + 1), ...lines.slice(index)].join('\n');
}

/** Valid text with a few structural mutations: mostly broken, sometimes still valid in surprising ways. */
export const mutatedText: fc.Arbitrary<string> = fc
  .tuple(validText, fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }))
  .map(([text, mutations]) => mutations.reduce(applyMutation, text));

/** Anything a file might contain: valid, mutated, or arbitrary bytes (most of which are not UTF-8). */
export const fileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  validText.map((text) => Buffer.from(text)),
  mutatedText.map((text) => Buffer.from(text)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
);
