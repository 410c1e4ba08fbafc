import * as path from 'path';
import type { Node } from 'yaml';
import type { Fix, Range } from '../../finding';
import type { ComposeRule } from '../../rule';
import type { Workspace } from '../../workspace';
import { closest } from '../../util/suggest';
import { isPlainObject, nodeAt, parseCompose, type ComposeModel } from '../model';
import { projectNames, type ProjectNames } from '../project';
import { quoted, rangeOf, services } from '../services';

type Kind = keyof ProjectNames;

interface Reference {
  kind: Kind;
  name: string;
  /** Path of the node that holds the name. */
  path: (string | number)[];
  /** The node's text is `name` + suffix (links `db:alias`, `volumes_from: svc:ro`). */
  suffix: string;
  /** The node holding it is a mapping key, not a scalar value. */
  isKey?: boolean;
}

/** A reference to a service, network, volume, secret or config that no file of the project defines. */
export const composeUndefinedReference: ComposeRule = {
  meta: {
    id: 'compose-undefined-reference',
    kind: 'compose',
    title: 'References must name something the project defines',
    severity: 'error',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    for (const service of services(model)) {
      const target = extendsTarget(model, service.value);
      if (!target) continue;
      const sameFile = path.resolve(target.file) === path.resolve(model.path);
      const text = sameFile ? model.text : onDisk ? workspace.readFile(target.file) : undefined;
      if (text === undefined) continue; // a missing file is compose-missing-file's finding
      const other = sameFile ? model : parseCompose(target.file, text);
      const defined = isPlainObject(other.value) && isPlainObject(other.value.services) ? Object.keys(other.value.services) : [];
      if (defined.includes(target.service)) continue;
      const p = typeof service.value.extends === 'string' ? ['services', service.name, 'extends'] : ['services', service.name, 'extends', 'service'];
      const hit = nodeAt(model, p);
      if (hit.depth !== p.length || !hit.node) continue;
      const range = rangeOf(model, hit.node);
      const suggestion = closest(target.service, defined, 2);
      report({
        range,
        message: `\`extends\` names service \`${target.service}\`, which ${sameFile ? 'this file' : `\`${path.basename(target.file)}\``} does not define.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ''),
        fixes: suggestion ? [renameFix(model, range, suggestion)] : [],
      });
    }
    const refs = services(model).flatMap((s) => serviceReferences(s.name, s.value));
    if (refs.length === 0) return;
    if (onDisk && !isPrimaryFile(model.path) && !hasPrimarySibling(model.path, workspace)) return;
    const names = projectNames(model, workspace, onDisk);
    for (const ref of refs) {
      if (names[ref.kind].has(ref.name)) continue;
      // Nothing visible defines any network/volume/secret/config: this file is a fragment of a
      // project whose other files we cannot see (an override copied from an example, say).
      if (ref.kind !== 'services' && (ref.kind === 'networks' ? names.networks.size <= 1 : names[ref.kind].size === 0)) continue;
      const hit = nodeAt(model, ref.path);
      if (hit.depth !== ref.path.length) continue; // written in another file (merged in): reported there
      const node = (ref.isKey ? hit.pair?.key : hit.node) as Node | undefined;
      if (!node) continue;
      const range = rangeOf(model, node);
      const suggestion = closest(ref.name, [...names[ref.kind]].filter((n) => n !== 'default' || ref.kind !== 'networks'), 2);
      const fixes: Fix[] = suggestion ? [renameFix(model, range, suggestion + ref.suffix)] : [];
      const what = ref.kind.slice(0, -1);
      report({
        range,
        message: `No ${what} named \`${ref.name}\` is defined in this project.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : ` Define it under top-level \`${ref.kind}:\` or fix the name.`),
        fixes,
      });
    }
  },
};

function renameFix(model: ComposeModel, range: Range, text: string): Fix {
  const source = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
  const newText = /^["']/.test(source) ? quoted(text) : text;
  return { title: `Change to \`${text}\``, isPreferred: true, changes: [{ kind: 'edit', path: model.path, edits: [{ range, newText }] }] };
}

/** Per service value (as parsed; an unchanged service keeps it across keystrokes): the references it makes. */
const referencesByService = new WeakMap<object, { service: string; refs: readonly Reference[] }>();

function serviceReferences(service: string, value: Record<string, unknown>): readonly Reference[] {
  const cached = referencesByService.get(value);
  if (cached && cached.service === service) return cached.refs;
  const refs = referencesOf(service, value);
  referencesByService.set(value, { service, refs });
  return refs;
}

function referencesOf(service: string, value: Record<string, unknown>): Reference[] {
  const base = ['services', service];
  const refs: Reference[] = [];
  const push = (kind: Kind, raw: unknown, p: (string | number)[], isKey = false, split = false) => {
    if (typeof raw !== 'string' || raw.includes('$') || raw === '') return;
    const colon = split ? raw.indexOf(':') : -1;
    const name = colon >= 0 ? raw.slice(0, colon) : raw;
    refs.push({ kind, name, path: p, suffix: colon >= 0 ? raw.slice(colon) : '', isKey });
  };
  const depends = value.depends_on;
  if (Array.isArray(depends)) depends.forEach((d, i) => push('services', d, [...base, 'depends_on', i]));
  else if (isPlainObject(depends)) {
    for (const [name, spec] of Object.entries(depends)) {
      if (isPlainObject(spec) && spec.required === false) continue;
      push('services', name, [...base, 'depends_on', name], true);
    }
  }
  if (Array.isArray(value.links)) value.links.forEach((l, i) => push('services', l, [...base, 'links', i], false, true));
  if (Array.isArray(value.volumes_from)) {
    value.volumes_from.forEach((v, i) => {
      if (typeof v === 'string' && !v.startsWith('container:')) push('services', v, [...base, 'volumes_from', i], false, true);
    });
  }
  if (typeof value.network_mode === 'string' && value.network_mode.startsWith('service:')) {
    refs.push({ kind: 'services', name: value.network_mode.slice(8), path: [...base, 'network_mode'], suffix: '' });
  }
  const networks = value.networks;
  if (Array.isArray(networks)) networks.forEach((n, i) => push('networks', n, [...base, 'networks', i]));
  else if (isPlainObject(networks)) for (const name of Object.keys(networks)) push('networks', name, [...base, 'networks', name], true);
  if (Array.isArray(value.volumes)) {
    value.volumes.forEach((v, i) => {
      if (typeof v === 'string') {
        const source = v.split(':')[0];
        if (v.includes(':') && isNamedVolume(source)) push('volumes', source, [...base, 'volumes', i], false, true);
      } else if (isPlainObject(v) && v.type === 'volume' && typeof v.source === 'string') {
        push('volumes', v.source, [...base, 'volumes', i, 'source']);
      }
    });
  }
  for (const kind of ['secrets', 'configs'] as const) {
    const list = value[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      if (typeof item === 'string') push(kind, item, [...base, kind, i]);
      else if (isPlainObject(item)) push(kind, item.source, [...base, kind, i, 'source']);
    });
  }
  return refs;
}

/** `compose.yaml` / `docker-compose.yml`: the file `docker compose` reads by itself. */
function isPrimaryFile(file: string): boolean {
  return /^(?:docker-)?compose\.ya?ml$/i.test(path.basename(file));
}

/**
 * An overlay (`docker-compose.prod.yml`, `compose.override.yaml`, `x-compose.yml`) is only
 * complete together with its base; without a base beside it, its references cannot be judged.
 */
function hasPrimarySibling(file: string, workspace: Workspace): boolean {
  return (workspace.listDir(path.dirname(path.resolve(file))) ?? []).some(isPrimaryFile);
}

function isNamedVolume(source: string): boolean {
  return source !== '' && !/^[./~\\]/.test(source) && !/^[A-Za-z]:[\\/]/.test(source) && !source.includes('/');
}

/** `extends: {service, file}` names a service in another file (or this one). */
function extendsTarget(model: ComposeModel, value: Record<string, unknown>): { file: string; service: string } | undefined {
  const ext = value.extends;
  if (typeof ext === 'string') return { file: model.path, service: ext };
  if (!isPlainObject(ext) || typeof ext.service !== 'string') return undefined;
  const file = typeof ext.file === 'string' ? path.resolve(path.dirname(model.path), ext.file) : model.path;
  return { file, service: ext.service };
}
