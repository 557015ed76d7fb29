// The SDK's types are generated from docs/openapi.json (which a test holds to the served document): CI fails when
// the committed types drift from the server's schemas.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSdkTypes, SDK_TYPES } from '../../../src/sdk/sdk-generate.js';

describe('SDK types', () => {
  it('are what docs/openapi.json generates (run `npm run sdk:generate` after `npm run openapi:snapshot`)', async () => {
    expect(await generateSdkTypes(), 'src/sdk/api.d.ts is out of date: run `npm run sdk:generate`').toBe(
      fs.readFileSync(SDK_TYPES, 'utf8'),
    );
  });
});
