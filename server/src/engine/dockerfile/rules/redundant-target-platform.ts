import type { DockerfileRule } from '../../rule';
import { selfChange } from '../edits';

const TARGET_PLATFORM = /^(["']?)\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})\1$/;

/** `FROM --platform=$TARGETPLATFORM` says what FROM does anyway. */
export const redundantTargetPlatform: DockerfileRule = {
  meta: {
    id: 'redundant-target-platform',
    kind: 'dockerfile',
    title: 'FROM --platform=$TARGETPLATFORM is redundant',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['RedundantTargetPlatform', 'DL3065'],
    fixable: true,
  },
  runIndependent: true,
  reads: ['FROM'],
  check({ model, report }) {
    for (const stage of model.stages) {
      const flag = stage.from.getPlatformFlag();
      const value = flag?.getValue();
      if (!flag || !value || !TARGET_PLATFORM.test(value.trim())) continue;
      const start = model.lines.offsetAt(flag.getRange().start);
      let end = model.lines.offsetAt(flag.getRange().end);
      while (end < model.text.length && (model.text[end] === ' ' || model.text[end] === '\t')) end++;
      report({
        range: model.lines.rangeOf(start, model.lines.offsetAt(flag.getRange().end)),
        message: `\`--platform=${value}\` is redundant: FROM already pulls the target platform. Remove the flag.`,
        fixes: [{ title: 'Remove `--platform`', isPreferred: true, changes: [selfChange(model, [{ range: model.lines.rangeOf(start, end), newText: '' }])] }],
      });
    }
  },
};
