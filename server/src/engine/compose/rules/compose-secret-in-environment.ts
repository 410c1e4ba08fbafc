import * as path from 'path';
import { ignoreMatcher } from '../../ignore-file';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { FileChange } from '../../finding';
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
      const entries: Entry[] = [];
      if (isSeq(hit.node)) {
        for (const item of hit.node.items) {
          if (!isScalar(item) || typeof item.value !== 'string') continue;
          const eq = item.value.indexOf('=');
          if (eq <= 0) continue;
          const entry = suspicious(item.value.slice(0, eq), item.value.slice(eq + 1), item, true);
          if (entry) entries.push(entry);
        }
      } else if (isMap(hit.node)) {
        for (const pair of hit.node.items) {
          if (!isScalar(pair.key) || !isScalar(pair.value) || pair.value.value === null) continue;
          const entry = suspicious(String(pair.key.value), String(pair.value.value), pair.value as Node, false);
          if (entry) entries.push(entry);
        }
      }
      for (const entry of entries) {
        const { name, kind } = entry;
        const reference = entry.listItem ? `${name}=\${${name}}` : `\${${name}}`;
        const changes: FileChange[] = [{ kind: 'edit', path: model.path, edits: [{ range: rangeOf(model, entry.node), newText: quoted(reference) }] }];
        let ignored = true;
        if (onDisk && isInsideRoots(path.join(dir, '.env'), workspace.roots)) {
          changes.push(...upsert(workspace, path.join(dir, '.env'), name, entry.value));
          changes.push(...upsert(workspace, path.join(dir, '.env.example'), name, ''));
          ignored = gitIgnores(workspace, dir, '.env');
        }
        report({
          range: rangeOf(model, entry.node),
          message: `\`${name}\` of service \`${service.name}\` is written into the Compose file${kind ? ` (it looks like ${kind})` : ''}, so it is committed and shared with every copy. Use \`\${${name}}\` and keep the value in .env (not committed).`,
          fixes: [{
            title: `Use \${${name}} and move the value to .env${onDisk ? ' (+ .env.example)' : ''}${ignored ? '' : ' — warning: .env is not git-ignored yet'}`,
            isPreferred: true,
            changes,
            carriesSecret: changes.length > 0,
          }],
        });
      }
    }
  },
};

/** A variable whose value is written out and looks like a secret (by its name or its format). */
interface Entry {
  name: string;
  value: string;
  /** The scalar the fix replaces: the list item `NAME=value`, or the mapping's value. */
  node: Node;
  listItem: boolean;
  kind: string | undefined;
}

function suspicious(name: string, value: string, node: Node, listItem: boolean): Entry | undefined {
  if (value === '' || value.includes('$') || isReference(value)) return undefined;
  const kind = credentialKind(value);
  return kind || secretName(name) ? { name, value, node, listItem, kind } : undefined;
}

/** The same variable names recur in every service: their verdicts are kept (bounded). */
const secretNames = new Map<string, boolean>();

function secretName(name: string): boolean {
  let verdict = secretNames.get(name);
  if (verdict === undefined) {
    if (secretNames.size >= 2000) secretNames.clear();
    verdict = isSecretName(name);
    secretNames.set(name, verdict);
  }
  return verdict;
}

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
