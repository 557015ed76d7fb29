// Creates a new embedded store folder (initdb) in a short-lived child process: initdb makes PGlite grow to
// 700+ MB, memory a long-running process would keep. Opening the finished folder costs about a third of that.
// Usage: node embedded-init.mjs <folder> <shared_buffers>
import { PGlite } from '@electric-sql/pglite';

const [dataDir, sharedBuffers] = process.argv.slice(2);
const db = await PGlite.create({ dataDir, postgresqlconf: [`shared_buffers=${sharedBuffers}`] });
await db.close();
