import type { DockerfileRule } from '../../rule';
import type { Fix } from '../../finding';
import { finalStage, keywordOf, stageChain } from '../model';
import { parseShell } from '../shell';
import { startWords } from '../runtime';
import { replaceInstruction, selfChange } from '../edits';
import type { BuildContextFacts } from '../context';

const START = /^(npm (run(-script)? )?start|yarn (run )?start|pnpm (run )?start)$/;

/**
 * `npm start` runs the app as a child of npm, and npm does not pass SIGTERM on: `docker stop`
 * waits its 10 seconds and kills the app mid-request. Run node directly.
 */
export const npmStartCmd: DockerfileRule = {
  meta: {
    id: 'npm-start-cmd',
    kind: 'dockerfile',
    title: 'Start the app with node, not npm start',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, build, report }) {
    const final = finalStage(model, build);
    if (!final) return;
    for (const stage of stageChain(final)) {
      for (const instruction of stage.instructions) {
        const keyword = keywordOf(instruction);
        if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') continue;
        const words = startWords(instruction);
        const command = words.join(' ').trim();
        if (!START.test(command)) continue;
        const node = nodeCommand(build);
        const fixes: Fix[] = node ? [{
          title: `Run \`${node.join(' ')}\` directly`,
          isPreferred: true,
          changes: [selfChange(model, [replaceInstruction(instruction, `${instruction.getKeyword()} ${JSON.stringify(node).replace(/","/g, '", "')}`)])],
        }] : [];
        report({
          range: instruction.getRange(),
          message: `The container starts through \`${command}\`: npm does not forward SIGTERM, so \`docker stop\` kills the app after 10 s instead of letting it shut down. Run node directly${node ? `: ${keyword} ${JSON.stringify(node).replace(/","/g, '", "')}` : ' (e.g. CMD ["node", "server.js"])'}.`,
          fixes,
        });
      }
    }
  },
};

/** What `npm start` runs, as an exec-form command, when it is plain `node <file> [args]`. */
function nodeCommand(build: BuildContextFacts): string[] | undefined {
  const pkg = build.packageJson;
  if (!pkg) return undefined;
  const script = pkg.scripts?.start;
  if (script !== undefined) {
    const parsed = parseShell(script);
    if (parsed.hasError || parsed.commands.length !== 1) return undefined;
    const [command] = parsed.commands;
    if (command.assignments.length > 0 || command.name !== 'node') return undefined;
    if (script.trim() !== script.slice(command.start, command.end).trim()) return undefined;
    const args = command.args.map((a) => a.value);
    return args.every((a): a is string => a !== undefined) ? ['node', ...args] : undefined;
  }
  if (pkg.main) return ['node', pkg.main];
  return build.contextFileExists('server.js') ? ['node', 'server.js'] : undefined;
}
