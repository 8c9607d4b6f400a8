import { tempDir, writeTree } from '../helpers.js';

/** A live Stripe key long enough to look real: built at run time, never stored in the repository. */
export const LIVE_KEY = `sk_live_${'a1B2c3D4e5'.repeat(2)}WXYZ`;

const api = (env: string, concurrency: number, extra = '') => `# simplex-api (${env})
database:
  default:
    link: "postgres://simplex:pw-${env}@${env}-rds.example.internal:5432/simplex"
stripe:
  secretKey: ${env === 'ci' ? 'sk_test_FAKEci' : env === 'prod' ? LIVE_KEY : LIVE_KEY.replace('WXYZ', 'STGE')}
worker:
  concurrency: ${concurrency}
${extra}`;

const gateway = (env: string, timeout: string) => `upstreams:
  router:
    timeout: ${timeout}
`;

/**
 * A small seed-style GitOps repository: two services over ci/staging/prod, CI ahead on
 * `worker.concurrency` (drift) and `features.agentMemory` (missing), the gateway's directory
 * named differently from its service, and whitelisted connection strings and Stripe keys.
 */
export function cliFixture(overrides: Record<string, string> = {}): string {
  const config = {
    root: 'kubernetes',
    environments: [
      { name: 'ci', overlay: 'overlays/aws-ci', live: false },
      { name: 'staging', overlay: 'overlays/aws-staging', live: true },
      { name: 'prod', overlay: 'overlays/aws-prod', live: true, manualSync: true },
    ],
    services: {
      'simplex-api': { files: ['configs/simplex-api/config.yaml'], category: 'Backend' },
      'simplex-gateway': { files: ['configs/gateway/config.yaml'], category: 'Backend' },
    },
    whitelist: [
      { key: 'database.default.link', reason: 'own RDS' },
      { key: 'stripe.secretKey', reason: 'CI uses test keys' },
    ],
  };
  return writeTree(tempDir(), {
    '.promoterc.json': `${JSON.stringify(config, null, 2)}\n`,
    'kubernetes/overlays/aws-ci/configs/simplex-api/config.yaml': api('ci', 16, 'features:\n  agentMemory: true\n'),
    'kubernetes/overlays/aws-staging/configs/simplex-api/config.yaml': api('staging', 8),
    'kubernetes/overlays/aws-prod/configs/simplex-api/config.yaml': api('prod', 8),
    'kubernetes/overlays/aws-ci/configs/gateway/config.yaml': gateway('ci', '180s'),
    'kubernetes/overlays/aws-staging/configs/gateway/config.yaml': gateway('staging', '180s'),
    'kubernetes/overlays/aws-prod/configs/gateway/config.yaml': gateway('prod', '120s'),
    ...overrides,
  });
}

export interface JsonReport {
  summary: { different: number; expected: number; missing: number; errors: number; warnings: number };
  findings: Array<{ ruleId: string; severity: string; service: string; env: string; key: string; file: string; line: number; column: number; message: string; fixable: boolean }>;
}
