/**
 * dockerfilelint's CLI code path (read, `run`, JSON reporter, print) over many files in one
 * process, catching a crash per file: the real CLI dies at the first file it crashes on and
 * prints nothing. Prints the report, then one line `crashes <n>` on stderr.
 * Usage: node dockerfilelint-driver.js <files...>
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dockerfilelint = require('dockerfilelint/lib/index') as { run(configPath: string, content: string): unknown[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JsonReporter = require('dockerfilelint/lib/reporter/json_reporter') as new () => { addFile(name: string, content: string, items: unknown[]): void; buildReport(): { toString(): string } };

const reporter = new JsonReporter();
const crashed: string[] = [];
for (const file of process.argv.slice(2)) {
  const content = fs.readFileSync(file, 'utf8');
  try {
    reporter.addFile(file, content, dockerfilelint.run(path.dirname(path.resolve(file)), content));
  } catch {
    crashed.push(file);
  }
}
process.stdout.write(reporter.buildReport().toString() + '\n');
process.stderr.write(`crashes ${crashed.length}\n${crashed.map((f) => `crashed: ${f}\n`).join('')}`);
