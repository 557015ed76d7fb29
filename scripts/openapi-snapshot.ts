// Writes docs/openapi.json from the code: `npm run openapi:snapshot` after changing an operation.
import fs from 'node:fs';
import { defaultOpenApiDocument, OPENAPI_SNAPSHOT, openApiText } from '../src/http/openapi.js';

fs.writeFileSync(OPENAPI_SNAPSHOT, openApiText(await defaultOpenApiDocument()));
process.stdout.write(`wrote ${OPENAPI_SNAPSHOT.pathname}\n`);
