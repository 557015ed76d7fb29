// How the SDK's types are made from the committed OpenAPI document (openapi-typescript). Used by
// scripts/sdk-generate.ts and by the test that fails when src/sdk/api.d.ts drifts from the server's schemas.
import fs from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

export const OPENAPI_DOCUMENT = new URL('../../docs/openapi.json', import.meta.url);
export const SDK_TYPES = new URL('./api.d.ts', import.meta.url);

const BANNER = '// Generated from docs/openapi.json by `npm run sdk:generate`: do not edit by hand.\n';

export async function generateSdkTypes(): Promise<string> {
  const doc = JSON.parse(fs.readFileSync(OPENAPI_DOCUMENT, 'utf8')) as Parameters<typeof openapiTS>[0];
  const ast = await openapiTS(doc, { alphabetize: false, exportType: false });
  return BANNER + astToString(ast);
}
