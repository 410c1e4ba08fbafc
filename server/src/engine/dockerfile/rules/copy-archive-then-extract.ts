import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import type { DockerfileModel, Stage } from '../model';
import { keywordOf } from '../model';
import { hasFlag } from '../shell';
import { toolCommandsOf, runSites, toolOf, valueOf, type RunSite } from '../shell-facts';

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
export const copyArchiveThenExtract: DockerfileRule = perRun({
  meta: {
    id: 'copy-archive-then-extract',
    kind: 'dockerfile',
    title: 'Use ADD to extract a local tar archive instead of COPY + tar',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3010'],
    fixable: false,
  },
  // The stage (its COPY and RUN instructions), the shell that reads the RUN, and the COPY operands (their text and ranges) (an ARG before the first FROM counts as FROM).
  reads: ['COPY', 'FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    const extracts = toolCommandsOf(model, site).filter((c) => toolOf(c) === 'tar' && isExtract(c));
    if (extracts.length === 0) return;
    // A stage, or the whole file when it has no FROM.
    if (model.stages.length > 0 && !site.stage) return;
    const archives = archivesOf(model, site.stage);
    if (archives.length === 0) return;
    const scope = site.stage ? site.stage.instructions : model.ast.getInstructions();
    const line = site.instruction.getRange().start.line;
    const reported = new Set<CopiedArchive>();
    for (const command of extracts) {
      const names = command.args.map((a) => basename(valueOf(a)));
      for (const archive of archives) {
        if (reported.has(archive) || !names.includes(archive.basename)) continue;
        if (archive.instruction.getRange().start.line > line) continue;
        reported.add(archive);
        // Reported once, at the first RUN that extracts it.
        if (extractedBefore(model, site, scope, archive)) continue;
        report({
          range: model.lines.rangeOf(archive.start, archive.end),
          message: `\`${archive.basename}\` is copied and then extracted by \`tar\` on line ${line + 1}: the archive stays in the image next to its content. \`ADD ${archive.basename} <dir>/\` extracts it in one layer.`,
        });
      }
    }
  },
});

const archivesByModel = new WeakMap<DockerfileModel, Map<Stage | undefined, CopiedArchive[]>>();

/** The tar archives the COPY instructions of a stage (`undefined`: of a file without FROM) copy, read once per model. */
function archivesOf(model: DockerfileModel, stage: Stage | undefined): CopiedArchive[] {
  let byStage = archivesByModel.get(model);
  if (!byStage) archivesByModel.set(model, (byStage = new Map()));
  let archives = byStage.get(stage);
  if (!archives) {
    const scope = stage ? stage.instructions : model.ast.getInstructions();
    byStage.set(stage, (archives = scope.filter((i) => keywordOf(i) === 'COPY').flatMap((i) => copiedArchives(model, i))));
  }
  return archives;
}

/** True when an earlier RUN of the scope, after the COPY, extracts the archive (read from the other RUNs). */
function extractedBefore(model: DockerfileModel, site: RunSite, scope: Instruction[], archive: CopiedArchive): boolean {
  const inScope = new Set(scope);
  const copied = archive.instruction.getRange().start.line;
  for (const other of runSites(model)) {
    if (other === site) return false;
    if (!inScope.has(other.instruction) || copied > other.instruction.getRange().start.line) continue;
    if (toolCommandsOf(model, other).some((c) => toolOf(c) === 'tar' && isExtract(c) && c.args.some((a) => basename(valueOf(a)) === archive.basename))) return true;
  }
  return false;
}

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
