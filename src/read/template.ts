import { picomatch } from './picomatch-lazy.js';

const ENV = '{env}';

/**
 * The environment-independent id of a file found by a `{env}` glob template: the concrete path
 * with the environment name put back as `{env}` only where the template has it. Replacing every
 * occurrence of the name would mangle `configs/ci/circuit.yaml` into `configs/{env}/{env}rcuit.yaml`
 * for an environment called `ci`, and the file would then be "missing" everywhere else.
 */
export function templateId(template: string, relativePath: string, envName: string): string {
  const templateSegments = template.split('/');
  const pathSegments = relativePath.split('/');
  const align = (templateIndex: number, pathIndex: number): string[] | undefined => {
    if (templateIndex === templateSegments.length) return pathIndex === pathSegments.length ? [] : undefined;
    const templateSegment = templateSegments[templateIndex];
    if (templateSegment === '**') {
      for (let next = pathIndex; next <= pathSegments.length; next++) {
        const rest = align(templateIndex + 1, next);
        if (rest) return [...pathSegments.slice(pathIndex, next), ...rest];
      }
      return undefined;
    }
    const pathSegment = pathSegments[pathIndex];
    if (pathSegment === undefined) return undefined;
    if (!picomatch(templateSegment.replaceAll(ENV, envName), { dot: true })(pathSegment)) return undefined;
    const rest = align(templateIndex + 1, pathIndex + 1);
    return rest && [idSegment(templateSegment, pathSegment, envName), ...rest];
  };
  return align(0, 0)?.join('/') ?? relativePath.split(envName).join(ENV);
}

function idSegment(templateSegment: string, pathSegment: string, envName: string): string {
  if (!templateSegment.includes(ENV)) return pathSegment;
  const globs = [...templateSegment.replaceAll(ENV, '\0'.repeat(ENV.length)).matchAll(/[*?[\]{}!]/g)].map((match) => match.index);
  if (globs.length === 0) return templateSegment;
  // A glob and {env} in one segment (`values-{env}-*.yaml`): the literal text around the glob is fixed.
  const literalPrefix = templateSegment.slice(0, globs[0]);
  const literalSuffix = templateSegment.slice(globs[globs.length - 1] + 1);
  const concretePrefix = literalPrefix.replaceAll(ENV, envName);
  const concreteSuffix = literalSuffix.replaceAll(ENV, envName);
  const envOutsideLiterals = countEnv(templateSegment) > countEnv(literalPrefix) + countEnv(literalSuffix);
  if (envOutsideLiterals || pathSegment.length < concretePrefix.length + concreteSuffix.length) return pathSegment.split(envName).join(ENV);
  return literalPrefix + pathSegment.slice(concretePrefix.length, pathSegment.length - concreteSuffix.length) + literalSuffix;
}

function countEnv(text: string): number {
  return text.split(ENV).length - 1;
}
