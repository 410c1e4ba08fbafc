import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { DockerfileModel } from '../model';
import { keywordOf } from '../model';
import { hasFlag } from '../shell';
import { toolCommandsOf, runSites, toolOf, valueOf } from '../shell-facts';

/** Tar archives, which `ADD` unpacks by itself (zip is not among them). */
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;

interface CopiedArchive {
  instruction: Instruction;
  basename: string;
  start: number;
  end: number;
}

const basename = (p: string) => p.replace(/^["']|["']$/g, '').split(/[\\/]/).pop() ?? '';

/**
 * `COPY app.tar.gz /tmp/` then `RUN tar -xzf /tmp/app.tar.gz` keeps the archive in the COPY
 * layer forever, next to its extracted content. `ADD app.tar.gz /opt/app/` extracts local tar
 * archives in one layer.
 */
export const copyArchiveThenExtract: DockerfileRule = {
  meta: {
    id: 'copy-archive-then-extract',
    kind: 'dockerfile',
    title: 'Use ADD to extract a local tar archive instead of COPY + tar',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3010'],
    fixable: false,
  },
  check({ model, report }) {
    const sites = runSites(model);
    const scopes = model.stages.length > 0 ? model.stages.map((s) => s.instructions) : [model.ast.getInstructions()];
    for (const instructions of scopes) {
      const archives = instructions.filter((i) => keywordOf(i) === 'COPY').flatMap((i) => copiedArchives(model, i));
      if (archives.length === 0) continue;
      const reported = new Set<CopiedArchive>();
      const inScope = new Set(instructions);
      for (const site of sites.filter((s) => inScope.has(s.instruction))) {
        for (const command of toolCommandsOf(model, site)) {
          if (toolOf(command) !== 'tar' || !isExtract(command)) continue;
          const names = command.args.map((a) => basename(valueOf(a)));
          for (const archive of archives) {
            if (reported.has(archive) || !names.includes(archive.basename)) continue;
            if (archive.instruction.getRange().start.line > site.instruction.getRange().start.line) continue;
            reported.add(archive);
            report({
              range: model.lines.rangeOf(archive.start, archive.end),
              message: `\`${archive.basename}\` is copied and then extracted by \`tar\` on line ${site.instruction.getRange().start.line + 1}: the archive stays in the image next to its content. \`ADD ${archive.basename} <dir>/\` extracts it in one layer.`,
            });
          }
        }
      }
    }
  },
};

function isExtract(command: Parameters<typeof hasFlag>[0]): boolean {
  if (hasFlag(command, '--extract', '--get', '-x')) return true;
  const first = command.args[0]?.value;
  return first !== undefined && /^[a-zA-Z]*x[a-zA-Z]*$/.test(first); // `tar xzf file` (old-style bundled flags)
}

function copiedArchives(model: DockerfileModel, copy: Instruction): CopiedArchive[] {
  const flags = (copy as unknown as { getFlags(): { getName(): string }[] }).getFlags?.() ?? [];
  if (flags.some((f) => f.getName() === 'from')) return [];
  const args = copy.getArguments();
  if (args.length < 2) return [];
  const text = (a: (typeof args)[number]) => model.text.slice(model.lines.offsetAt(a.getRange().start), model.lines.offsetAt(a.getRange().end));
  const target = args[args.length - 1];
  const sources = args.slice(0, -1);
  const word = (a: (typeof args)[number], name: string): CopiedArchive =>
    ({ instruction: copy, basename: name, start: model.lines.offsetAt(a.getRange().start), end: model.lines.offsetAt(a.getRange().end) });
  const targetName = basename(text(target));
  if (TAR_ARCHIVE.test(targetName)) return [word(target, targetName)];
  return sources.filter((s) => TAR_ARCHIVE.test(basename(text(s)))).map((s) => word(s, basename(text(s))));
}
