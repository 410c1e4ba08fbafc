import * as path from 'path';
import { isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { Instruction, Property, Run } from 'dockerfile-ast';
import type { DockerfileRule, DockerfileRuleContext } from '../../rule';
import type { FileChange, Fix } from '../../finding';
import type { DockerfileModel, Stage } from '../model';
import { keywordOf } from '../model';
import { runScripts } from '../shell';
import { deleteInstruction, insertAtOffset, selfChange } from '../edits';
import { credentialKind, isReference, isSecretName } from '../../util/secrets';
import { LineIndex, appendLinesEdit } from '../../text';
import { appendToMap, appendToSeq } from '../../compose/edits';
import type { ComposeBuildLink } from '../../compose/build-links';
import { isInsideRoots } from '../../workspace';

/**
 * ENV values are stored in the image config and ARG values in its history: anyone who can pull
 * the image reads them with `docker inspect` / `docker history`. Secrets belong in the runtime
 * environment, or in a build secret mount that never reaches a layer.
 */
export const secretInEnv: DockerfileRule = {
  meta: {
    id: 'secret-in-env',
    kind: 'dockerfile',
    title: 'Secrets must not be baked into the image through ENV or ARG',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3064', 'SecretsUsedInArgOrEnv', 'DS031', 'DS-0031'],
    fixable: true,
  },
  check(context) {
    const { model, report } = context;
    const stages: (Stage | undefined)[] = [undefined, ...model.stages];
    for (const stage of stages) {
      const instructions = stage ? stage.instructions : beforeFirstStage(model);
      for (const instruction of instructions) {
        const keyword = keywordOf(instruction);
        if (keyword !== 'ENV' && keyword !== 'ARG') continue;
        const properties = (instruction as unknown as { getProperties(): Property[] }).getProperties();
        for (const property of properties) {
          const name = property.getName();
          const value = property.getValue() ?? '';
          const byName = isSecretName(name) || isAccessKeyId(name);
          const kind = value && !isReference(value) ? credentialKind(value) : undefined;
          if (!byName && !kind) continue;
          // An empty ENV default stores nothing; an ARG is filled by --build-arg and recorded either way.
          if (keyword === 'ENV' && value === '') continue;
          // `sa_password="_"`: a placeholder the image expects to be overridden, not a credential.
          const literal = value !== '' && !isReference(value) && !/^[\W_]{1,2}$/.test(value);
          const what = kind ? `holds what looks like ${kind}` : 'looks like a secret';
          const where = keyword === 'ENV'
            ? 'ENV values are stored in the image config, readable by anyone who can pull it (`docker inspect`)'
            : 'ARG values are recorded in the image history (`docker history`)';
          const advice = keyword === 'ENV'
            ? 'Pass it at run time instead (Compose `environment:`, `docker run -e`, an orchestrator secret).'
            : 'Use a build secret instead: `RUN --mount=type=secret,id=…` with `docker build --secret`.';
          report({
            range: property.getNameRange(),
            message: `${keyword} \`${name}\` ${what}. ${where}. ${advice}`,
            severity: keyword === 'ENV' && literal ? 'error' : undefined,
            fixes: keyword === 'ENV' ? envFixes(context, instruction, properties, property) : argFixes(context, stage, instruction, properties, property),
          });
        }
      }
    }
  },
};

/** The instructions above the first FROM. */
function beforeFirstStage(model: DockerfileModel): Instruction[] {
  const firstLine = model.stages[0]?.from.getRange().start.line ?? Infinity;
  const instructions = model.ast.getInstructions();
  const before: Instruction[] = [];
  for (const instruction of instructions) {
    if (instruction.getRange().start.line >= firstLine) break;
    before.push(instruction);
  }
  return before;
}

/**
 * `AWS_ACCESS_KEY_ID` and the like: an identifier rather than the secret, but it only ever travels
 * with its secret key, and hadolint (DL3064) and BuildKit's docs flag it too.
 */
function isAccessKeyId(name: string): boolean {
  return /(?:^|_)ACCESS_KEY_ID$/i.test(name);
}

/** The instruction without one of its pairs, or a deletion when it was the only one. */
function withoutProperty(model: DockerfileModel, instruction: Instruction, properties: Property[], property: Property) {
  if (properties.length === 1) return deleteInstruction(model, instruction);
  const rest = properties.filter((p) => p !== property).map((p) => {
    const r = p.getRange();
    return model.text.slice(model.lines.offsetAt(r.start), model.lines.offsetAt(r.end));
  });
  // Several pairs are only possible in the `name=value` form, which each kept pair already uses.
  return { range: instruction.getRange(), newText: `${instruction.getKeyword()} ${rest.join(' ')}` };
}

function envFixes(context: DockerfileRuleContext, instruction: Instruction, properties: Property[], property: Property): Fix[] {
  const { model, build, workspace } = context;
  const name = property.getName();
  const remove = selfChange(model, [withoutProperty(model, instruction, properties, property)]);
  const runtime = composeDeclaration(build.composeServices, name);
  if (runtime) {
    return [{
      title: runtime.changes.length > 0
        ? `Move ${name} out of the image: pass it at run time from Compose service \`${runtime.service}\``
        : `Remove ${name} from the image (Compose service \`${runtime.service}\` already passes it at run time)`,
      isPreferred: true,
      changes: [remove, ...runtime.changes],
    }];
  }
  if (!build.onDisk) {
    return [{ title: `Remove ${name} from the image (set it at run time)`, isPreferred: true, changes: [remove] }];
  }
  const example = path.join(build.contextDir, '.env.example');
  if (!isInsideRoots(example, workspace.roots)) return [{ title: `Remove ${name} from the image (set it at run time)`, isPreferred: true, changes: [remove] }];
  const existing = workspace.readFile(example);
  const declare: FileChange[] = existing === undefined
    ? [{ kind: 'create', path: example, content: `${name}=\n` }]
    : new RegExp(`^\\s*(export\\s+)?${name}\\s*=`, 'm').test(existing)
      ? []
      : [{ kind: 'edit', path: example, edits: [appendLinesEdit(existing, [`${name}=`])] }];
  return [{
    title: `Move ${name} out of the image: remove it and declare it in .env.example (no value)`,
    isPreferred: true,
    changes: [remove, ...declare],
  }];
}

/** The edit that adds `NAME` as a pass-through to the `environment:` of the Compose service building this Dockerfile. */
function composeDeclaration(links: ComposeBuildLink[], name: string): { service: string; changes: FileChange[] } | undefined {
  const link = links[0];
  if (!link) return undefined;
  const doc = { lines: new LineIndex(link.composeText) };
  const environment = link.service.get('environment', true);
  const edit = (edits: ReturnType<typeof appendToMap>) => (edits ? [{ kind: 'edit' as const, path: link.composePath, edits: [edits] }] : undefined);
  if (isSeq(environment)) {
    const present = environment.items.some((i) => isScalar(i) && typeof i.value === 'string' && (i.value === name || i.value.startsWith(`${name}=`)));
    if (present) return { service: link.serviceName, changes: [] };
    const changes = edit(appendToSeq(doc, environment, name));
    return changes ? { service: link.serviceName, changes } : undefined;
  }
  if (isMap(environment)) {
    if ((environment as YAMLMap).has(name)) return { service: link.serviceName, changes: [] };
    const changes = edit(appendToMap(doc, environment as YAMLMap, [`${name}:`]));
    return changes ? { service: link.serviceName, changes } : undefined;
  }
  if (environment !== undefined) return undefined;
  const changes = edit(appendToMap(doc, link.service, ['environment:', `  - ${name}`]));
  return changes ? { service: link.serviceName, changes } : undefined;
}

function argFixes(context: DockerfileRuleContext, stage: Stage | undefined, instruction: Instruction, properties: Property[], property: Property): Fix[] {
  const { model } = context;
  if (properties.length !== 1) return [];
  const name = property.getName();
  const scope = stage ? stage.instructions : model.stages.flatMap((s) => s.instructions);
  const after = scope.filter((i) => i.getRange().start.line > instruction.getRange().start.line);
  const reads = new RegExp(`\\$(\\{${name}([:}?+-]|\\})|${name}(?![A-Za-z0-9_]))`);
  // An ENV that copies the ARG is its own finding; removing the ARG would silently empty it.
  if (after.some((i) => keywordOf(i) !== 'RUN' && reads.test(i.getArguments().map((a) => a.getValue()).join(' ')))) return [];
  const runs = after.filter((i) => keywordOf(i) === 'RUN' && runScripts(model, i).some((s) => reads.test(s.source)));
  const removal = deleteInstruction(model, instruction);
  if (runs.length === 0) {
    return [{ title: `Remove the unused build argument ${name}`, isPreferred: true, changes: [selfChange(model, [removal])] }];
  }
  const mount = ` --mount=type=secret,id=${name.toLowerCase()},env=${name}`;
  const edits = runs.map((run) => insertAtOffset(model, model.lines.offsetAt((run as Run).getInstructionRange().end), mount));
  return [{
    title: `Use a build secret: RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} (build with --secret id=${name.toLowerCase()},env=${name})`,
    isPreferred: true,
    changes: [selfChange(model, [removal, ...edits])],
  }];
}
