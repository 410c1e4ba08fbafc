import { composeSchema } from '../../engine/compose/schema';

/** Walks the compose-spec JSON schema along a path of keys and list indexes. */

type Schema = Record<string, unknown>;
export type PathStep = string | number;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolveRef(root: Schema, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let current: unknown = root;
  for (const part of ref.slice(2).split('/')) current = isSchema(current) ? current[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isSchema(current) ? current : undefined;
}

/** The schema and every alternative it stands for ($ref, oneOf, anyOf, allOf), flattened. */
function expand(root: Schema, schema: Schema, out: Schema[] = [], depth = 0): Schema[] {
  if (depth > 12 || out.includes(schema)) return out;
  out.push(schema);
  if (typeof schema.$ref === 'string') {
    const target = resolveRef(root, schema.$ref);
    if (target) expand(root, target, out, depth + 1);
  }
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const item of list) if (isSchema(item)) expand(root, item, out, depth + 1);
  }
  return out;
}

function childrenFor(root: Schema, schemas: readonly Schema[], step: PathStep): Schema[] {
  const next: Schema[] = [];
  for (const schema of schemas) {
    if (typeof step === 'number') {
      if (isSchema(schema.items)) next.push(schema.items);
      continue;
    }
    const properties = schema.properties;
    if (isSchema(properties) && isSchema(properties[step])) {
      next.push(properties[step] as Schema);
      continue;
    }
    const patterns = schema.patternProperties;
    let matched = false;
    if (isSchema(patterns)) {
      for (const [pattern, sub] of Object.entries(patterns)) {
        if (!isSchema(sub) || pattern === '^x-') continue;
        try {
          if (new RegExp(pattern).test(step)) {
            next.push(sub);
            matched = true;
            break;
          }
        } catch {
          // a pattern JavaScript cannot read: skip it
        }
      }
    }
    if (!matched && isSchema(schema.additionalProperties)) next.push(schema.additionalProperties);
  }
  return next.flatMap((s) => expand(root, s));
}

export interface SchemaView {
  /** Every schema the value at the path may follow. */
  schemas: Schema[];
  /** The description written closest to the key (the property's own, before its $ref). */
  description?: string;
}

export function schemaAt(path: readonly PathStep[]): SchemaView {
  const root = composeSchema() as Schema;
  let schemas = expand(root, root);
  let description: string | undefined;
  for (const step of path) {
    schemas = childrenFor(root, schemas, step);
    if (schemas.length === 0) return { schemas };
    description = schemas.map((s) => s.description).find((d): d is string => typeof d === 'string');
  }
  return { schemas, description };
}

export interface KeyProposal {
  key: string;
  description?: string;
  /** The value is a map or a list (the completion inserts a new line after the colon). */
  block: boolean;
  deprecated: boolean;
}

/** Keys the object at the path may have. */
export function keysAt(path: readonly PathStep[]): KeyProposal[] {
  const root = composeSchema() as Schema;
  const keys = new Map<string, KeyProposal>();
  for (const schema of schemaAt(path).schemas) {
    if (!isSchema(schema.properties)) continue;
    for (const [key, sub] of Object.entries(schema.properties)) {
      if (keys.has(key) || !isSchema(sub)) continue;
      const alternatives = expand(root, sub);
      const description = alternatives.map((s) => s.description).find((d): d is string => typeof d === 'string');
      const types = alternatives.flatMap((s) => (Array.isArray(s.type) ? s.type : [s.type]));
      const block = types.some((t) => t === 'object' || t === 'array') && !types.some((t) => t === 'string' || t === 'number' || t === 'integer' || t === 'boolean');
      keys.set(key, { key, description, block, deprecated: sub.deprecated === true || /deprecated/i.test(description ?? '') });
    }
  }
  return [...keys.values()];
}

/** Values the schema enumerates at the path (enums, booleans). */
export function enumValuesAt(path: readonly PathStep[]): string[] {
  const values = new Set<string>();
  for (const schema of schemaAt(path).schemas) {
    if (Array.isArray(schema.enum)) for (const v of schema.enum) values.add(String(v));
    if (schema.const !== undefined) values.add(String(schema.const));
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types.includes('boolean')) {
      values.add('true');
      values.add('false');
    }
  }
  return [...values];
}

/**
 * Values a string key's description lists ("Options include: 'no', 'always', …") where the schema
 * has no enum: `restart`, `network_mode`, `pull_policy` are written that way in the compose spec.
 */
export function describedValuesAt(path: readonly PathStep[]): string[] {
  const { description, schemas } = schemaAt(path);
  if (!description || schemas.some((s) => Array.isArray(s.enum))) return [];
  const list = /(?:Options include|Values can be|Supported values(?: are)?)[:\s]+(.*)/i.exec(description)?.[1];
  if (!list) return [];
  return [...list.matchAll(/'([^'\s[\]]+)'/g)].map((m) => m[1]).filter((v, i, all) => all.indexOf(v) === i);
}
