import * as path from 'path';
import { ignoreMatcher } from '../../ignore-file';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileChange, TextEdit } from '../../finding';
import type { ComposeRule } from '../../rule';
import type { Workspace } from '../../workspace';
import { isInsideRoots } from '../../workspace';
import { appendLinesEdit } from '../../text';
import { credentialKind, isReference, isSecretName } from '../../util/secrets';
import { nodeAt } from '../model';
import { quoted, rangeOf, services } from '../services';

/**
 * A password written into compose.yaml is committed, shared and copied into every clone. Compose
 * reads `${NAME}` from the environment or from `.env` beside the file, which stays out of git.
 */
export const composeSecretInEnvironment: ComposeRule = {
  meta: {
    id: 'compose-secret-in-environment',
    kind: 'compose',
    title: 'Secrets should not be written into the Compose file',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    const dir = path.dirname(path.resolve(model.path));
    for (const service of services(model)) {
      const hit = nodeAt(model, ['services', service.name, 'environment']);
      if (hit.depth !== 3) continue;
      const entries: { name: string; value: string; node: Node; edit: (name: string) => TextEdit }[] = [];
      if (isSeq(hit.node)) {
        for (const item of hit.node.items) {
          if (!isScalar(item) || typeof item.value !== 'string') continue;
          const eq = item.value.indexOf('=');
          if (eq <= 0) continue;
          const name = item.value.slice(0, eq);
          entries.push({ name, value: item.value.slice(eq + 1), node: item, edit: (n) => ({ range: rangeOf(model, item), newText: quoted(`${n}=\${${n}}`) }) });
        }
      } else if (isMap(hit.node)) {
        for (const pair of hit.node.items) {
          if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) continue;
          const value = String(pair.value.value);
          const valueNode = pair.value as Node;
          entries.push({ name: String(pair.key.value), value, node: valueNode, edit: (n) => ({ range: rangeOf(model, valueNode), newText: quoted(`\${${n}}`) }) });
        }
      }
      for (const entry of entries) {
        if (entry.value === '' || entry.value.includes('$') || isReference(entry.value)) continue;
        const kind = credentialKind(entry.value);
        if (!isSecretName(entry.name) && !kind) continue;
        const changes: FileChange[] = [{ kind: 'edit', path: model.path, edits: [entry.edit(entry.name)] }];
        let ignored = true;
        if (onDisk && isInsideRoots(path.join(dir, '.env'), workspace.roots)) {
          changes.push(...upsert(workspace, path.join(dir, '.env'), entry.name, entry.value));
          changes.push(...upsert(workspace, path.join(dir, '.env.example'), entry.name, ''));
          ignored = gitIgnores(workspace, dir, '.env');
        }
        report({
          range: rangeOf(model, entry.node),
          message: `\`${entry.name}\` of service \`${service.name}\` is written into the Compose file${kind ? ` (it looks like ${kind})` : ''}, so it is committed and shared with every copy. Use \`\${${entry.name}}\` and keep the value in .env (not committed).`,
          fixes: [{
            title: `Use \${${entry.name}} and move the value to .env${onDisk ? ' (+ .env.example)' : ''}${ignored ? '' : ' — warning: .env is not git-ignored yet'}`,
            isPreferred: true,
            changes,
            carriesSecret: changes.length > 0,
          }],
        });
      }
    }
  },
};

/** Adds `NAME=value` to an env file (created when missing) unless the name is already there. */
function upsert(workspace: Workspace, file: string, name: string, value: string): FileChange[] {
  const line = `${name}=${/[\s#"'$]/.test(value) ? quoted(value) : value}`;
  const text = workspace.readFile(file);
  if (text === undefined) return [{ kind: 'create', path: file, content: `${line}\n` }];
  if (new RegExp(`^\\s*(export\\s+)?${name}\\s*=`, 'm').test(text)) return [];
  return [{ kind: 'edit', path: file, edits: [appendLinesEdit(text, [line])] }];
}

function gitIgnores(workspace: Workspace, dir: string, name: string): boolean {
  for (let current = dir, depth = 0; depth < 8; depth++) {
    const text = workspace.readFile(path.join(current, '.gitignore'));
    if (text !== undefined && ignoreMatcher(text.split(/\r?\n/)).ignores(path.relative(current, path.join(dir, name)).split(path.sep).join('/'))) return true;
    const parent = path.dirname(current);
    if (parent === current || !isInsideRoots(parent, workspace.roots)) break;
    current = parent;
  }
  return false;
}
