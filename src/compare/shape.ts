import type { EnvFile } from './snapshot.js';

type Shape = 'empty' | 'mapping' | 'list';

/**
 * One service file must have the same top-level shape in every environment to be compared key by
 * key. A list where CI has a mapping would otherwise show up as dozens of `missing-key` warnings
 * (and a fix would try to merge a mapping into a list); instead the odd copy gets one clear
 * problem and is left out of the comparison. An empty copy (or one of comments only) is no
 * mismatch: it simply has none of the keys, which `missing-key` reports and `--fix` fills in.
 */
export function markShapeMismatches(byEnv: ReadonlyMap<string, EnvFile>, sourceEnv: string): void {
  const readable = [...byEnv.values()].filter((envFile) => envFile.parsed && envFile.problems.length === 0);
  const withContent = readable.filter((envFile) => shapeOf(envFile) !== 'empty');
  const reference = withContent.find((envFile) => envFile.env.name === sourceEnv) ?? withContent[0];
  if (!reference) return;
  const referenceShape = shapeOf(reference);
  for (const envFile of withContent) {
    const shape = shapeOf(envFile);
    if (shape === referenceShape) continue;
    const offset = envFile.parsed?.documents[0]?.start ?? 0;
    envFile.problems.push({ message: `the file holds a ${shape} here but a ${referenceShape} in ${reference.env.name}: nothing in it is compared`, offset });
  }
}

/** A stream of several documents (Kubernetes objects) compares like a mapping: its documents are matched by identity. */
function shapeOf(envFile: EnvFile): Shape {
  const documents = envFile.parsed?.documents ?? [];
  if (documents.length === 0) return 'empty';
  if (documents.length === 1 && documents[0].kind === 'seq') return 'list';
  return 'mapping';
}
