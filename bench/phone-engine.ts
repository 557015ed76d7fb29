// Phone engine throughput: the full result (validation + formats + carrier, area, zones, country facts)
// against a bare parse + isValid + getType loop of google-libphonenumber on the same inputs, same run.
// Usage: npx tsx bench/phone-engine.ts [--passes 5]
import { loadGeoData } from '../src/phone/phone-geo-data.js';
import { validatePhone } from '../src/phone/phone-engine.js';
import { bareLibraryLoop, median, timePasses } from './lib.js';
import { phoneDataset } from './phone-dataset.js';

const passes = process.argv.includes('--passes') ? Number(process.argv[process.argv.indexOf('--passes') + 1]) : 5;
const inputs = phoneDataset();
const regions = new Set(inputs.map((i) => validatePhone(i.input, i.country).country?.iso2).filter(Boolean));
console.log(`${inputs.length} inputs, ${regions.size} regions among the parsed numbers`);
console.log(`offline data loaded in ${loadGeoData().loadMs.toFixed(0)} ms`);

let sink = 0;
const bare = () => {
  sink += bareLibraryLoop(inputs);
};
function full() {
  for (const { input, country } of inputs) if (validatePhone(input, country).valid) sink++;
}
const measure = (fn: () => void) => timePasses(fn, passes);

// Interleave to spread machine noise over both.
const bareTimes: number[] = [];
const fullTimes: number[] = [];
for (let round = 0; round < 3; round++) {
  bareTimes.push(measure(bare));
  fullTimes.push(measure(full));
}
const bareRate = inputs.length / (median(bareTimes) / 1000);
const fullRate = inputs.length / (median(fullTimes) / 1000);
console.log(`bare parse+isValid+getType: ${bareRate.toFixed(0)} numbers/s (${(1e6 / bareRate).toFixed(1)} µs each)`);
console.log(`full result with enrichment: ${fullRate.toFixed(0)} numbers/s (${(1e6 / fullRate).toFixed(1)} µs each)`);
console.log(`ratio full/bare: ${((fullRate / bareRate) * 100).toFixed(0)}% (goal >= 50%)`);
if (sink === 0.5) console.log(sink);
