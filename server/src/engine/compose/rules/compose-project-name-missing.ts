import type { ComposeRule } from '../../rule';
import { meta } from './support';
import { isPlainObject } from '../model';

export const composeProjectNameMissing: ComposeRule = {
  meta: meta('compose-project-name-missing', 'Set the project name with top-level `name`', 'require-project-name-field', 'hint', false, false),
  check({ model, report }) {
    if (!isPlainObject(model.value) || model.value.name !== undefined || !isPlainObject(model.value.services)) return;
    report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines.lineText(0).length } },
      message: 'No top-level `name`: the project is named after the folder, so containers, networks and volumes change names when the folder does. Add `name: <project>`.',
    });
  },
};
