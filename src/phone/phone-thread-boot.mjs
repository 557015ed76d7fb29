// Loads the phone-check thread from the TypeScript sources (development, tests): a worker thread does not
// inherit the main thread's tsx hooks, so it registers its own before importing the module. The compiled build
// (dist/) loads phone-thread.js directly.
import { register } from 'tsx/esm/api';

register();
const { default: checkPhones } = await import('./phone-thread.ts');
export default checkPhones;
