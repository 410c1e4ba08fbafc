import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Range } from '../finding';
import { runtimeFile } from '../util/runtime-file';
import { closest } from '../util/suggest';
import type { ComposeModel } from './model';
import { keyRangeAt, valueRangeAt } from './model';
import { interpolateValue } from './interpolate';

/** Compose-spec validation: one readable finding per problem, at the key or value that causes it. */
export interface SchemaProblem {
  range: Range;
  message: string;
  /** JSON path of the offending node. */
  path: (string | number)[];
  kind: 'unknown-key' | 'type' | 'enum' | 'required' | 'other';
  /** For unknown keys: the closest valid key. */
  suggestion?: string;
}

let validator: ValidateFunction | undefined;
let serviceNamePattern: RegExp | undefined;
let schemaDocument: Record<string, unknown> | undefined;

/** The compose-spec schema, from the maintained copy in the dclint package. */
export function composeSchema(): Record<string, unknown> {
  schemaDocument ??= JSON.parse(fs.readFileSync(runtimeFile('compose.schema.json', () =>
    path.join(path.dirname(require.resolve('dclint/package.json')), 'schemas', 'compose.schema.json')), 'utf8')) as Record<string, unknown>;
  return schemaDocument;
}

function compiled(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, allowUnionTypes: true, validateFormats: false, validateSchema: false });
    // The spec names its meta-schema by an https URL Ajv does not know; the schema itself is draft-07.
    const { $schema: _metaSchema, ...schema } = composeSchema();
    validator = ajv.compile(schema);
  }
  return validator;
}

/** The names `services:` validates against the service definition (others are unknown keys). */
function serviceName(): RegExp {
  const services = (composeSchema().properties as Record<string, { patternProperties?: Record<string, unknown> }>).services;
  serviceNamePattern ??= new RegExp(Object.keys(services.patternProperties ?? {})[0] ?? '^$', 'u');
  return serviceNamePattern;
}

/** Per service value (as parsed; kept across keystrokes by the incremental parse): its interpolated copy and its errors. */
const serviceResults = new WeakMap<object, { name: string; env: string; value: unknown; errors: ErrorObject[] }>();

/**
 * Validates the file as Compose sees it: variables substituted from `env` (the project's .env and
 * `${VAR:-default}` defaults). Values whose variables stay unknown are not judged.
 *
 * A keystroke changes one service: each service is validated alone (as a file holding only it),
 * its result kept for as long as its parsed value lives, and the rest of the file is validated
 * with every service in place as `{}` (valid), so no service is judged twice.
 */
export function validateCompose(model: ComposeModel, env: Map<string, string> = new Map()): SchemaProblem[] {
  if (model.value === undefined || model.value === null || typeof model.value !== 'object') return [];
  const validate = compiled();
  const source = model.value as Record<string, unknown>;
  const services = source.services;
  if (Array.isArray(source) || !isRecord(services)) {
    const value = interpolateValue(model.value, env);
    return validate(value) ? [] : problems(model, validate.errors ?? [], value);
  }
  const envKey = JSON.stringify([...env]);
  const named = serviceName();
  const serviceErrors: ErrorObject[] = [];
  const interpolated: Record<string, unknown> = {};
  const stubs: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(services)) {
    let result = raw !== null && typeof raw === 'object' ? serviceResults.get(raw) : undefined;
    if (!result || result.env !== envKey || result.name !== name) {
      const value = interpolateValue(raw, env);
      const judged = named.test(name);
      const errors = judged && !validate({ services: { [name]: value } }) ? [...(validate.errors ?? [])] : [];
      result = { name, env: envKey, value, errors };
      if (raw !== null && typeof raw === 'object') serviceResults.set(raw, result);
    }
    interpolated[name] = result.value;
    stubs[name] = named.test(name) ? {} : result.value;
    serviceErrors.push(...result.errors);
  }
  const value = Object.fromEntries(Object.entries(source).map(([key, v]) => [key, key === 'services' ? interpolated : interpolatedSection(v, env, envKey)]));
  const errors = validate({ ...value, services: stubs }) ? [] : [...(validate.errors ?? [])];
  errors.push(...serviceErrors);
  return errors.length === 0 ? [] : problems(model, errors, value);
}

/** Per top-level value other than `services` (kept across keystrokes like the services): its interpolated copy. */
const sectionCopies = new WeakMap<object, { env: string; value: unknown }>();

/** A 1,000-volume section was copied at every keystroke: 1.3 MB of garbage each in the bench's Compose file. */
function interpolatedSection(raw: unknown, env: Map<string, string>, envKey: string): unknown {
  if (raw === null || typeof raw !== 'object') return interpolateValue(raw, env);
  const cached = sectionCopies.get(raw);
  if (cached && cached.env === envKey) return cached.value;
  const value = interpolateValue(raw, env);
  sectionCopies.set(raw, { env: envKey, value });
  return value;
}

function problems(model: ComposeModel, errors: ErrorObject[], value: unknown): SchemaProblem[] {
  return simplify(errors, value).map((error) => toProblem(model, error, value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pathOf(error: ErrorObject): (string | number)[] {
  if (!error.instancePath) return [];
  return error.instancePath.slice(1).split('/').map((p) => {
    const key = p.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
}

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let current = root;
  for (const step of path) current = (current as Record<string | number, unknown> | undefined)?.[step];
  return current;
}

/** Interpolated values (`${VAR}`) are checked after substitution by Compose: never flag them here. */
function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$');
}

/**
 * Ajv reports every failed branch of a oneOf/anyOf. Keep what a person needs: drop the
 * combinator errors when a branch explains more precisely, and fold type errors at one path.
 */
function simplify(errors: ErrorObject[], root: unknown): ErrorObject[] {
  const kept = errors.filter((e) => {
    if (isInterpolated(valueAt(root, pathOf(e)))) return false;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'if' || e.keyword === 'not') {
      return !errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== e.keyword);
    }
    return true;
  });
  // When a branch fails deeper inside the value, the shallow type errors of the other branches are noise.
  const reach = (o: ErrorObject) => o.keyword === 'additionalProperties'
    ? `${o.instancePath}/${(o.params as { additionalProperty: string }).additionalProperty}`
    : o.instancePath;
  const deeper = (e: ErrorObject) => kept.some((o) => reach(o).startsWith(e.instancePath + '/'));
  const specific = kept.filter((e) => !(e.keyword === 'type' && deeper(e)));
  const byKey = new Map<string, ErrorObject>();
  for (const e of specific) {
    const id = e.keyword === 'additionalProperties'
      ? `${e.instancePath}|ap|${(e.params as { additionalProperty: string }).additionalProperty}`
      : `${e.instancePath}|${e.keyword === 'type' || e.keyword === 'oneOf' || e.keyword === 'anyOf' ? 'type' : e.keyword}`;
    const previous = byKey.get(id);
    if (previous && previous.keyword === 'type' && e.keyword === 'type') {
      const types = new Set([...typesOf(previous), ...typesOf(e)]);
      byKey.set(id, { ...previous, params: { type: [...types].join(',') } });
    } else if (!previous) byKey.set(id, e);
  }
  return [...byKey.values()];
}

function typesOf(e: ErrorObject): string[] {
  return String((e.params as { type?: string | string[] }).type ?? '').split(',').filter(Boolean);
}

function describe(path: (string | number)[]): string {
  if (path.length === 0) return 'the file';
  const last = path[path.length - 1];
  if (path[0] === 'services' && path.length >= 2) {
    const rest = path.slice(2).join('.');
    return rest ? `\`${rest}\` of service \`${path[1]}\`` : `service \`${path[1]}\``;
  }
  return typeof last === 'number' ? `item ${last + 1} of \`${path.slice(0, -1).join('.')}\`` : `\`${path.join('.')}\``;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

const TYPE_WORDS: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', null: 'empty' };

function toProblem(model: ComposeModel, error: ErrorObject, root: unknown): SchemaProblem {
  const path = pathOf(error);
  const value = valueAt(root, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> })?.properties ?? {});
      const suggestion = closest(key, allowed, Math.max(2, Math.floor(key.length / 3)));
      const where = path.length === 0 ? 'at the top level' : `in ${describe(path)}`;
      return {
        range: keyRangeAt(model, [...path, key])!,
        message: `Unknown key \`${key}\` ${where}.` + (suggestion ? ` Did you mean \`${suggestion}\`?` : allowed.length > 0 && allowed.length <= 12 ? ` Valid keys: ${allowed.join(', ')}.` : ' Check the spelling against the Compose specification.'),
        path: [...path, key],
        kind: 'unknown-key',
        suggestion,
      };
    }
    case 'type': {
      const expected = typesOf(error).map((t) => TYPE_WORDS[t] ?? t);
      const hint = value === null
        ? ' It is empty: give it a value or remove the key.'
        : looksLikeBracedVariable(value) ? ` \`{$${Object.keys(value as object)[0].slice(1)}}\` is a YAML mapping; did you mean \`\${${Object.keys(value as object)[0].slice(1)}}\`?` : '';
      return {
        range: valueRangeAt(model, path)!,
        message: `${capitalise(describe(path))} should be ${expected.join(' or ')}, not ${typeName(value)}.${hint}`,
        path,
        kind: 'type',
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => `\`${String(v)}\``);
      return {
        range: valueRangeAt(model, path)!,
        message: `${capitalise(describe(path))} is \`${String(value)}\`; allowed values: ${allowed.join(', ')}.`,
        path,
        kind: 'enum',
      };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return {
        range: keyRangeAt(model, path)!,
        message: `${capitalise(describe(path))} needs \`${missing}\`.`,
        path,
        kind: 'required',
      };
    }
    default:
      return {
        range: valueRangeAt(model, path)!,
        message: `${capitalise(describe(path))} ${error.message ?? 'is not valid'} (Compose specification).`,
        path,
        kind: 'other',
      };
  }
}

/** `{$IMAGE}` parses as a mapping with the key `$IMAGE`: a typo for `${IMAGE}`. */
function looksLikeBracedVariable(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && /^\$[A-Za-z_]\w*$/.test(keys[0]) && (value as Record<string, unknown>)[keys[0]] === null;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
