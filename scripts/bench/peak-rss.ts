/**
 * Preloaded (`node --require`) into a measured child process: on exit it writes the process's
 * peak resident set size (KB, from getrusage) to the file named by BENCH_PEAK_RSS_FILE.
 */
import * as fs from 'fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // measuring must never change how the measured program ends
    }
  });
}
