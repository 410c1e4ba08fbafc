import type { DockerfileRule } from '../../rule';
import { closest } from '../../util/suggest';
import { copyOperands, hasVariable, placedInstructions } from '../operands';
import { replaceOffsets, selfChange } from '../edits';

/**
 * `COPY --from=biuld` with no stage of that name silently pulls an image called `biuld` (and
 * fails, or worse, succeeds). A name with a tag, digest or registry path is an image on purpose;
 * a name with no near miss may be a named build context, so it is only information.
 */
export const copyFromUnknownStage: DockerfileRule = {
  meta: {
    id: 'copy-from-unknown-stage',
    kind: 'dockerfile',
    title: 'COPY --from should name an earlier stage',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3022'],
    fixable: true,
  },
  runIndependent: true,
  // copyOperands reads ADD --from as well as COPY's.
  reads: ['COPY', 'ADD', 'FROM'],
  check({ model, report }) {
    for (const { instruction, stage } of placedInstructions(model)) {
      const copy = copyOperands(model, instruction);
      if (!copy?.from) continue;
      const name = copy.from.value;
      if (name === '' || hasVariable(copy.from.text) || /[:@/]/.test(name)) continue;
      const current = stage?.index ?? -1;
      const earlier = model.stages.slice(0, Math.max(current, 0));
      if (/^\d+$/.test(name)) {
        if (Number(name) < current) continue;
        report({
          range: copy.from.range,
          message: `\`--from=${name}\` names stage ${name}, but only stages 0–${current - 1} come before this one${current <= 0 ? ' (there are none)' : ''}. Name an earlier stage.`,
        });
        continue;
      }
      const lower = name.toLowerCase();
      if (earlier.some((s) => s.name?.toLowerCase() === lower)) continue;
      const later = model.stages.slice(Math.max(current, 0)).find((s) => s.name?.toLowerCase() === lower);
      const names = earlier.map((s) => s.name).filter((n): n is string => n !== undefined);
      const suggestion = closest(name, names, 2);
      const fixes = suggestion
        ? [{ title: `Copy from stage \`${suggestion}\``, isPreferred: true, changes: [selfChange(model, [replaceOffsets(model, copy.from.start, copy.from.end, suggestion)])] }]
        : [];
      const why = later && later !== stage
        ? `stage \`${name}\` is defined after this one; move it above`
        : suggestion
          ? `no earlier stage has that name (did you mean \`${suggestion}\`?)`
          : 'no stage has that name. Fine if it is a named build context (`docker build --build-context ' + name + '=…`, Compose `additional_contexts`); otherwise Docker pulls an image of that name: name a stage, or give the image a tag (`name:tag`)';
      // Without a stage defined later or a near miss, a named build context is as likely as a mistake.
      const sure = Boolean(suggestion) || Boolean(later && later !== stage) || /^\d+$/.test(name);
      report({ range: copy.from.range, message: `\`--from=${name}\`: ${why}.`, fixes, severity: sure ? undefined : 'information' });
    }
  },
};
