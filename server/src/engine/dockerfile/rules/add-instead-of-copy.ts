import type { DockerfileRule } from '../../rule';
import { copyOperands, hasVariable, placedInstructions } from '../operands';
import { replaceOffsets, selfChange } from '../edits';

/** Archives ADD unpacks into the destination (a feature COPY does not have). */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst)|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lz|lzma|z)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
/** Flags only ADD understands. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/**
 * ADD of a plain local file works like COPY plus magic: it unpacks archives and fetches URLs.
 * COPY says what it does; ADD stays for archives to unpack and remote sources.
 */
export const addInsteadOfCopy: DockerfileRule = {
  meta: {
    id: 'add-instead-of-copy',
    kind: 'dockerfile',
    title: 'Use COPY instead of ADD for local files and folders',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3020', 'CKV_DOCKER_4', 'DS005', 'DS-0005'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['ADD'],
  check({ model, report }) {
    for (const { instruction, keyword } of placedInstructions(model)) {
      if (keyword !== 'ADD') continue;
      const add = copyOperands(model, instruction);
      if (!add || add.keyword !== 'ADD') continue;
      const plain = add.sources.filter((s) => !ARCHIVE.test(s.value) && !REMOTE.test(s.value) && !hasVariable(s.text));
      if (plain.length === 0) continue;
      const keywordRange = instruction.getInstructionRange();
      const fixes = [];
      if (plain.length === add.sources.length && !add.flags.some((f) => ADD_ONLY_FLAGS.has(f.name))) {
        const start = model.lines.offsetAt(keywordRange.start);
        const end = model.lines.offsetAt(keywordRange.end);
        fixes.push({ title: 'Replace ADD with COPY', isPreferred: true, changes: [selfChange(model, [replaceOffsets(model, start, end, 'COPY')])] });
      }
      report({
        range: keywordRange,
        message: `ADD of \`${plain[0].value}\` (a local file or folder) does what COPY does, plus unpacking and downloading you did not ask for. Use COPY; keep ADD for archives to unpack and remote URLs.`,
        fixes,
      });
    }
  },
};
