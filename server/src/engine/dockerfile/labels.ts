import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../finding';
import type { DockerfileModel, Stage } from './model';
import { onbuildTrigger, placedInstructions } from './operands';

/** LABEL key/value pairs with their places, for the label rules. */
export interface LabelPair {
  key: string;
  /** The value Docker stores (quotes removed). */
  value: string;
  keyRange: Range;
  valueRange?: Range;
  instruction: Instruction;
  stage?: Stage;
}

interface Property {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
  getValueRange(): Range | null;
}

export function labelsOf(instruction: Instruction, stage?: Stage): LabelPair[] {
  const properties = (instruction as unknown as { getProperties?(): Property[] }).getProperties?.() ?? [];
  return properties.map((p) => ({
    key: p.getName(),
    value: p.getValue() ?? '',
    keyRange: p.getNameRange(),
    valueRange: p.getValueRange() ?? undefined,
    instruction,
    stage,
  }));
}

/** Every LABEL pair of the file, ONBUILD LABELs included. */
export function labelPairs(model: DockerfileModel): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const { instruction, keyword, stage } of placedInstructions(model)) {
    if (keyword === 'LABEL') pairs.push(...labelsOf(instruction, stage));
    const trigger = onbuildTrigger(instruction);
    if (trigger && trigger.getKeyword().toUpperCase() === 'LABEL') pairs.push(...labelsOf(trigger, stage));
  }
  return pairs;
}
