/**
 * The floor under any linter built on the parsers the design names: dockerfile-ast's parse of each
 * Dockerfile and tree-sitter-bash's parse of each shell-form RUN, reading nothing from either and
 * running no rule. Measured beside the engine (in-process passes) and beside the CLIs (a fresh
 * process over the folder): what is left between this and Dockhand is our own work.
 * Usage as a command: node parsers-only.js <files...>  (prints `files <n> runs <n>` on stderr)
 */
import * as fs from 'fs';
import { DockerfileParser } from 'dockerfile-ast';
import { Parser, Language } from 'web-tree-sitter';

export type ParseOnly = (text: string) => number;

/** Loads both parsers; the function it gives parses one Dockerfile and its RUN scripts and returns how many RUNs it parsed. */
export async function loadParsersOnly(): Promise<ParseOnly> {
  await Parser.init({ locateFile: () => require.resolve('web-tree-sitter/web-tree-sitter.wasm') });
  const bash = await Language.load(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'));
  const shell = new Parser();
  shell.setLanguage(bash);
  return (text) => {
    let runs = 0;
    for (const instruction of DockerfileParser.parse(text).getInstructions()) {
      if (instruction.getKeyword() !== 'RUN') continue;
      const script = instruction.getRawArgumentsContent();
      // The exec form (a JSON array) runs no shell.
      if (!script || script.trimStart().startsWith('[')) continue;
      shell.parse(script)?.delete();
      runs++;
    }
    return runs;
  };
}

async function main(files: string[]): Promise<void> {
  const parse = await loadParsersOnly();
  let runs = 0;
  for (const file of files) runs += parse(fs.readFileSync(file, 'utf8'));
  process.stderr.write(`files ${files.length} runs ${runs}\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`parsers-only: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  });
}
