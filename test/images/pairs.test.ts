import { describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/resolve.js';
import { chooseImageStep } from '../../src/images/pairs.js';

function configWith(imagePromotion: Array<[string, string]>): ResolvedConfig {
  const environments = ['ci', 'qa', 'staging', 'prod'].map((name) => ({ name, live: name !== 'ci', argocdApp: name, manualSync: name === 'prod' }));
  return { environments, imagePromotion } as unknown as ResolvedConfig;
}

const CHAIN: Array<[string, string]> = [['ci', 'staging'], ['staging', 'prod']];

describe('chooseImageStep', () => {
  it('takes a configured step, from --from and --to or from either one alone', () => {
    expect(chooseImageStep(configWith(CHAIN), 'staging', ['prod'])).toEqual(['staging', 'prod']);
    expect(chooseImageStep(configWith(CHAIN), undefined, ['prod'])).toEqual(['staging', 'prod']);
    expect(chooseImageStep(configWith(CHAIN), 'ci', undefined)).toEqual(['ci', 'staging']);
  });

  it('defaults to the only step of a one-step path, and to nothing on a longer path', () => {
    expect(chooseImageStep(configWith([['ci', 'prod']]), undefined, undefined)).toEqual(['ci', 'prod']);
    expect(() => chooseImageStep(configWith(CHAIN), undefined, undefined)).toThrow('images --fix needs --from and --to');
  });

  it('refuses a step the path does not list, saying where the target takes its images from', () => {
    expect(() => chooseImageStep(configWith(CHAIN), 'ci', ['prod'])).toThrow('refused: ci → prod is not a step of the image path (ci → staging → prod); prod takes its images from staging only');
    expect(() => chooseImageStep(configWith(CHAIN), 'prod', ['staging'])).toThrow('staging takes its images from ci only');
    expect(() => chooseImageStep(configWith(CHAIN), undefined, ['ci'])).toThrow('no step of the image path (ci → staging → prod) leads to ci');
  });

  it('asks for --from when two steps lead to the same target, and takes one target at a time', () => {
    const fanIn = configWith([['ci', 'prod'], ['qa', 'prod']]);
    expect(() => chooseImageStep(fanIn, undefined, ['prod'])).toThrow('needs --from and --to');
    expect(chooseImageStep(fanIn, 'qa', ['prod'])).toEqual(['qa', 'prod']);
    expect(() => chooseImageStep(configWith(CHAIN), 'ci', ['staging', 'prod'])).toThrow('one step at a time');
  });
});
