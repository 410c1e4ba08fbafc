import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';

/**
 * COPY/ADD of a path that .dockerignore excludes: the file is not in the build context, so the
 * instruction fails ("not found") or silently copies less than it says.
 */
export const copyIgnoredFile: DockerfileRule = {
  meta: {
    id: 'copy-ignored-file',
    kind: 'dockerfile',
    title: 'COPY/ADD should not name files that .dockerignore excludes',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CopyIgnoredFile'],
    fixable: false,
  },
  check({ model, build, report }) {
    if (!build.onDisk) return;
    const ignore = build.dockerignore;
    if (!ignore) return;
    const ignoreName = ignore.path.split(/[\\/]/).pop();
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        const keyword = keywordOf(instruction);
        if (keyword !== 'COPY' && keyword !== 'ADD') continue;
        const flags = (instruction as unknown as { getFlags(): { getName(): string }[] }).getFlags();
        if (flags.some((f) => f.getName().toLowerCase() === 'from')) continue;
        const args = instruction.getArguments();
        if (args.length < 2 || args[0].getValue().startsWith('<<')) continue;
        for (const source of args.slice(0, -1)) {
          const value = source.getValue().replace(/^(["'])(.*)\1$/, '$2');
          if (/[$*?[\]]|^[a-z]+:\/\//i.test(value) || value.startsWith('git@') || value.startsWith('[')) continue;
          const relative = value.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
          if (relative === '' || relative === '.' || relative.startsWith('..')) continue;
          if (!ignore.ignores(relative)) continue;
          report({
            range: source.getRange(),
            message: `\`${value}\` is excluded by ${ignoreName}, so it is not in the build context and this ${keyword} cannot copy it. Remove it from ${ignoreName} (or add \`!${relative}\`), or stop copying it.`,
          });
        }
      }
    }
  },
};
