/**
 * The peers' passes over the corpus Dockerfiles, in a process of their own: in Dockhand's process
 * they would run on dockerfile-ast as Dockhand patches it (parse-cache.ts replaces and memoizes
 * some of its methods, which dockerfile-utils then uses too) and on code Dockhand's passes warmed.
 * Usage: node engine-peers.js <passes>  -> one JSON object on stdout: tool -> PassTimes
 */
import * as fs from 'fs';
import { DockerfileParser } from 'dockerfile-ast';
import { validate as dockerfileUtilsValidate } from 'dockerfile-utils';
import { corpusFiles } from './inputs';
import { loadParsersOnly } from './parsers-only';
import { timePasses } from './corpus-passes';

async function main(passes: number): Promise<void> {
  const parsersOnly = await loadParsersOnly();
  const texts = corpusFiles('dockerfiles').map((file) => fs.readFileSync(file, 'utf8'));
  const times = timePasses<string>(
    {
      'dockerfile-utils': (text) => void dockerfileUtilsValidate(text),
      'dockerfile-ast': (text) => void DockerfileParser.parse(text),
      'parsers-only': (text) => void parsersOnly(text),
    },
    texts,
    passes,
  );
  process.stdout.write(JSON.stringify(Object.fromEntries(times)));
}

main(Number(process.argv[2] ?? 5)).catch((error) => {
  process.stderr.write(`engine-peers: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
