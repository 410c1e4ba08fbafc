import * as fs from 'fs';
import * as path from 'path';

/**
 * A data file the bundles ship beside themselves (esbuild.js copies it into dist/); when running
 * from compiled sources (tests), the same file from its npm package.
 */
export function runtimeFile(file: string, fromPackage: () => string): string {
  const beside = path.join(__dirname, file);
  return fs.existsSync(beside) ? beside : fromPackage();
}
