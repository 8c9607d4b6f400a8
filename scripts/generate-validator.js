// `npm run generate`: rewrites schemas/promoterc.validate.cjs from the schema (after a build).
import { VALIDATOR_PATH, writeValidator } from '../dist/config/validator-source.js';

writeValidator();
process.stdout.write(`wrote ${VALIDATOR_PATH}\n`);
