import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import type { SeveritySetting } from './finding';
import type { LintConfig } from './config';
import { isSeveritySetting } from './config';
import type { Workspace } from './workspace';
import { isInsideRoots } from './workspace';
import { labelKind } from './dockerfile/label-schema';

/**
 * Configuration files found by walking up from the linted file: our `.dockhand.yaml`
 * (`.yml`, `.json`) and hadolint's `.hadolint.yaml` (`.yml`), so a team's existing hadolint
 * setup keeps working. Precedence, lowest first: defaults < .hadolint.yaml < .dockhand.yaml <
 * editor settings / CLI flags (merged by the adapters with `mergeConfig`).
 */
export interface ConfigFileResult {
  config: LintConfig;
  /** The files that were read, nearest first. */
  sources: string[];
  /** Problems in those files, each saying what to fix. */
  errors: { path: string; message: string }[];
}

export const DOCKHAND_CONFIG_NAMES = ['.dockhand.yaml', '.dockhand.yml', '.dockhand.json'];
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export function loadConfigFiles(file: string, workspace: Workspace): ConfigFileResult {
  const result: ConfigFileResult = { config: {}, sources: [], errors: [] };
  const dockhand = findUp(path.dirname(path.resolve(file)), DOCKHAND_CONFIG_NAMES, workspace);
  const hadolint = findUp(path.dirname(path.resolve(file)), HADOLINT_CONFIG_NAMES, workspace);
  if (hadolint) {
    const parsed = readYaml(hadolint, workspace, result);
    if (parsed !== undefined) result.config = mergeConfig(result.config, fromHadolint(parsed, hadolint, result));
  }
  if (dockhand) {
    const parsed = readYaml(dockhand, workspace, result);
    if (parsed !== undefined) result.config = mergeConfig(result.config, fromDockhand(parsed, dockhand, result));
  }
  return result;
}

function findUp(dir: string, names: string[], workspace: Workspace): string | undefined {
  for (let current = dir, depth = 0; depth < 32; depth++) {
    const entries = workspace.listDir(current);
    if (entries) {
      const hit = names.find((n) => entries.includes(n));
      if (hit) return path.join(current, hit);
    }
    const parent = path.dirname(current);
    if (parent === current || (workspace.roots.length > 0 && !isInsideRoots(parent, workspace.roots))) return undefined;
    current = parent;
  }
  return undefined;
}

function readYaml(file: string, workspace: Workspace, result: ConfigFileResult): unknown {
  const text = workspace.readFile(file);
  if (text === undefined) return undefined;
  result.sources.push(file);
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    result.errors.push({ path: file, message: `cannot parse ${path.basename(file)}: ${(error as Error).message.split('\n')[0]}; fix the syntax or delete the file` });
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const HADOLINT_LEVELS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'information', style: 'hint', ignore: 'off', none: 'off' };

/** hadolint's keys: `ignored`, `override.{error,warning,info,style}`, `trustedRegistries`, `failure-threshold`, `label-schema`, `strict-labels`. */
function fromHadolint(value: unknown, file: string, result: ConfigFileResult): LintConfig {
  const config: LintConfig = { rules: {} };
  if (value === null || value === undefined) return config;
  if (!isRecord(value)) {
    result.errors.push({ path: file, message: `${path.basename(file)} should be a mapping of hadolint settings (ignored, override, trustedRegistries…)` });
    return config;
  }
  for (const code of stringList(value.ignored)) config.rules![code] = 'off';
  if (isRecord(value.override)) {
    for (const [level, codes] of Object.entries(value.override)) {
      const severity = HADOLINT_LEVELS[level];
      if (!severity) {
        result.errors.push({ path: file, message: `unknown override level \`${level}\` in ${path.basename(file)}: use error, warning, info or style` });
        continue;
      }
      for (const code of stringList(codes)) config.rules![code] = severity;
    }
  }
  const registries = stringList(value.trustedRegistries ?? value['trusted-registries']);
  if (registries.length > 0) config.trustedRegistries = registries;
  const threshold = value['failure-threshold'] ?? value.failureThreshold;
  if (typeof threshold === 'string' && HADOLINT_LEVELS[threshold]) config.failLevel = HADOLINT_LEVELS[threshold];
  readLabelSettings(value, file, result, config);
  return config;
}

/** `label-schema` (label name → text, url, hash, spdx, rfc3339, semver or email) and `strict-labels`, in hadolint's spelling or ours. */
function readLabelSettings(value: Record<string, unknown>, file: string, result: ConfigFileResult, config: LintConfig): void {
  const schema = value['label-schema'] ?? value.labelSchema;
  if (schema !== undefined && schema !== null) {
    if (!isRecord(schema)) {
      result.errors.push({ path: file, message: '`label-schema` should map label names to a kind: text, url, hash, spdx, rfc3339, semver or email' });
    } else {
      const labels: Record<string, string> = {};
      for (const [label, kind] of Object.entries(schema)) {
        if (typeof kind === 'string' && labelKind(kind)) labels[label] = kind;
        else result.errors.push({ path: file, message: `label \`${label}\`: \`${String(kind)}\` is not a label kind; use text, url, hash, spdx, rfc3339, semver or email` });
      }
      config.labelSchema = labels;
    }
  }
  const strict = value['strict-labels'] ?? value.strictLabels;
  if (typeof strict === 'boolean') config.strictLabels = strict;
}

/** Ours: `rules: {<id or peer code>: off|hint|information|warning|error}`, `enable-all`, `trusted-registries`, `fail-level`, `label-schema`, `strict-labels`. */
function fromDockhand(value: unknown, file: string, result: ConfigFileResult): LintConfig {
  const config: LintConfig = { rules: {} };
  if (value === null || value === undefined) return config;
  if (!isRecord(value)) {
    result.errors.push({ path: file, message: `${path.basename(file)} should be a mapping with a \`rules:\` key` });
    return config;
  }
  if (value.rules !== undefined && !isRecord(value.rules)) {
    result.errors.push({ path: file, message: '`rules` should map rule ids (or peer codes) to off, hint, information, warning or error' });
  } else if (isRecord(value.rules)) {
    for (const [id, level] of Object.entries(value.rules)) {
      const normalised = level === false ? 'off' : level === 'info' ? 'information' : level;
      if (isSeveritySetting(normalised)) config.rules![id] = normalised;
      else result.errors.push({ path: file, message: `rule \`${id}\`: \`${String(level)}\` is not a severity; use off, hint, information, warning or error` });
    }
  }
  const enableAll = value['enable-all'] ?? value.enableAll;
  if (typeof enableAll === 'boolean') config.enableAll = enableAll;
  const registries = stringList(value['trusted-registries'] ?? value.trustedRegistries);
  if (registries.length > 0) config.trustedRegistries = registries;
  const failLevel = value['fail-level'] ?? value.failLevel;
  if (isSeveritySetting(failLevel)) config.failLevel = failLevel;
  readLabelSettings(value, file, result, config);
  return config;
}

/** `override` wins key by key; rule maps are merged. */
export function mergeConfig(base: LintConfig, override: LintConfig): LintConfig {
  const merged: LintConfig = { ...base, ...stripUndefined(override) };
  merged.rules = { ...(base.rules ?? {}), ...(override.rules ?? {}) };
  return merged;
}

function stripUndefined(config: LintConfig): LintConfig {
  return Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as LintConfig;
}
