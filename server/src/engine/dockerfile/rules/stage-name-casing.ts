import type { Flag, Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import type { TextEdit } from '../../finding';
import type { DockerfileModel } from '../model';
import { keywordOf } from '../model';
import { selfChange } from '../edits';

/**
 * BuildKit lowercases stage names, so `AS BuilderBase` is really `builderbase`: writing it in
 * lowercase keeps every reference (`FROM`, `COPY --from`, `--mount from=`) reading the same.
 */
export const stageNameCasing: DockerfileRule = {
  meta: {
    id: 'stage-name-casing',
    kind: 'dockerfile',
    title: 'Stage names should be lowercase',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['StageNameCasing'],
    fixable: true,
  },
  check({ model, report }) {
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range || stage.name === stage.name.toLowerCase()) continue;
      const lower = stage.name.toLowerCase();
      report({
        range,
        message: `Stage name \`${stage.name}\` should be lowercase: BuildKit treats it as \`${lower}\` anyway. Rename it to \`${lower}\` (references included).`,
        fixes: [{
          title: `Rename stage to \`${lower}\` and update its references`,
          isPreferred: true,
          changes: [selfChange(model, renameStageEdits(model, stage.name, lower))],
        }],
      });
    }
  },
};

/** Edits that rename a stage at its `AS` and at every reference to it. */
export function renameStageEdits(model: DockerfileModel, name: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const target = name.toLowerCase();
  for (const stage of model.stages) {
    const asRange = stage.from.getBuildStageRange();
    if (stage.name?.toLowerCase() === target && asRange) edits.push({ range: asRange, newText: newName });
    const image = stage.from.getImage();
    const imageRange = stage.from.getImageRange();
    if (image?.toLowerCase() === target && imageRange) edits.push({ range: imageRange, newText: newName });
    for (const instruction of stage.instructions) for (const edit of referenceEdits(instruction, target, newName)) edits.push(edit);
  }
  return edits;
}

function referenceEdits(instruction: Instruction, target: string, newName: string): TextEdit[] {
  const keyword = keywordOf(instruction);
  if (keyword !== 'COPY' && keyword !== 'ADD' && keyword !== 'RUN') return [];
  const flags = (instruction as unknown as { getFlags?: () => Flag[] }).getFlags?.() ?? [];
  const edits: TextEdit[] = [];
  for (const flag of flags) {
    const name = flag.getName().toLowerCase();
    if (name === 'from') {
      const range = flag.getValueRange();
      if (range && flag.getValue()?.toLowerCase() === target) edits.push({ range, newText: newName });
    } else if (name === 'mount') {
      for (const option of flag.getOptions()) {
        const range = option.getValueRange();
        if (option.getName().toLowerCase() === 'from' && range && option.getValue()?.toLowerCase() === target) edits.push({ range, newText: newName });
      }
    }
  }
  return edits;
}
