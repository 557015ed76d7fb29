// Writes src/sdk/api.d.ts, the SDK's types, from docs/openapi.json: `npm run sdk:generate` after
// `npm run openapi:snapshot`. A test fails when the committed types differ from what this makes.
import fs from 'node:fs';
import { generateSdkTypes, SDK_TYPES } from '../src/sdk/sdk-generate.js';

fs.writeFileSync(SDK_TYPES, await generateSdkTypes());
process.stdout.write(`wrote ${SDK_TYPES.pathname}\n`);
