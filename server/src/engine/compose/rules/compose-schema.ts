import type { ComposeRule } from '../../rule';
import { validateCompose } from '../schema';
import { projectEnv } from '../interpolate';

/** The compose-spec JSON schema, reported where each problem is, with "did you mean" renames. */
export const composeSchema: ComposeRule = {
  meta: {
    id: 'compose-schema',
    kind: 'compose',
    title: 'The file must follow the Compose specification',
    severity: 'error',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    for (const problem of validateCompose(model, projectEnv(model.path, workspace, onDisk))) {
      const fixes = problem.kind === 'unknown-key' && problem.suggestion
        ? [{
          title: `Rename to \`${problem.suggestion}\``,
          isPreferred: true,
          changes: [{ kind: 'edit' as const, path: model.path, edits: [{ range: problem.range, newText: problem.suggestion }] }],
        }]
        : [];
      report({ range: problem.range, message: problem.message, fixes });
    }
  },
};
