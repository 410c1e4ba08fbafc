import type { DockerfileRule } from '../../rule';
import { rootImage } from '../model';
import { osFlavour } from '../images';
import { argumentWords, hasVariable, placedInstructions } from '../operands';
import { replaceOffsets, selfChange } from '../edits';

/**
 * `USER app` is resolved through the image's /etc/passwd; Kubernetes' `runAsNonRoot` and host
 * tooling only see the number. A numeric `USER 10001:10001` is unambiguous everywhere. Windows
 * users (ContainerUser) have no numeric form, so Windows images are left alone.
 */
export const nonNumericUser: DockerfileRule = {
  meta: {
    id: 'non-numeric-user',
    kind: 'dockerfile',
    title: 'USER should be a numeric id',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['DL3066'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['ARG', 'FROM', 'USER'],
  check({ model, report }) {
    for (const { instruction, keyword, stage } of placedInstructions(model)) {
      if (keyword !== 'USER') continue;
      if (stage && osFlavour(rootImage(stage)) === 'windows') continue;
      const [word] = argumentWords(model, instruction);
      if (!word || hasVariable(word.text) || word.quoted) continue;
      const parts = word.value.split(':');
      if (parts.every((p) => /^\d+$/.test(p))) continue;
      // root is uid 0 (and group root gid 0) on every Linux image: the one name with a known number.
      const numeric = parts.every((p) => p === 'root' || /^\d+$/.test(p)) ? parts.map((p) => (p === 'root' ? '0' : p)).join(':') : undefined;
      report({
        range: word.range,
        message: numeric
          ? `\`USER ${word.value}\` is a name; host tools and Kubernetes (runAsNonRoot) only see numbers. Write \`USER ${numeric}\`.`
          : `\`USER ${word.value}\` is a name the host and Kubernetes (runAsNonRoot) cannot check. Use the numeric uid (and gid) the image gives it, e.g. \`USER 10001:10001\`.`,
        fixes: numeric ? [{ title: `Write USER ${numeric}`, isPreferred: true, changes: [selfChange(model, [replaceOffsets(model, word.start, word.end, numeric)])] }] : [],
      });
    }
  },
};
