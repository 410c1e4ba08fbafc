import type { RuleMeta, Severity, SeveritySetting } from './finding';

/** What the user configured: severities by rule id or by any equivalent peer code. */
export interface LintConfig {
  rules?: Record<string, SeveritySetting>;
  /** Turn on every rule, including those off by default (conformance runs, `--enable-all`). */
  enableAll?: boolean;
  /** Registries base images may come from (hadolint's `trustedRegistries`, DL3026). */
  trustedRegistries?: string[];
  /** The CLI's default `--fail-level` (hadolint's `failure-threshold`). */
  failLevel?: SeveritySetting;
  /** hadolint's `label-schema` and `strict-labels` (DL3049–DL3058). */
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
}

export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

export function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

function byId(meta: RuleMeta, config: LintConfig): SeveritySetting | undefined {
  const value = config.rules?.[meta.id];
  return isSeveritySetting(value) ? value : undefined;
}

/** The setting of the first of these peer codes the user configured. */
function byCodes(codes: readonly string[], config: LintConfig): SeveritySetting | undefined {
  const rules = config.rules;
  if (!rules || isEmpty(rules)) return undefined; // the usual case, asked for every rule of every file
  for (const code of codes) {
    const value = rules[code] ?? rules[code.toLowerCase()];
    if (isSeveritySetting(value)) return value;
  }
  return undefined;
}

function isEmpty(record: object): boolean {
  for (const _key in record) return false;
  return true;
}

function defaultSeverity(meta: RuleMeta, config: LintConfig): SeveritySetting {
  if (meta.enabledByDefault) return meta.severity;
  return config.enableAll ? (meta.severity === 'hint' ? 'warning' : meta.severity) : 'off';
}

/** The severity the user set for this rule (by id first, then by equivalents), if any. */
export function configuredSeverity(meta: RuleMeta, config: LintConfig): SeveritySetting | undefined {
  return byId(meta, config) ?? byCodes(meta.equivalents, config);
}

/** The severity the rule runs at, or 'off'. */
export function effectiveSeverity(meta: RuleMeta, config: LintConfig): SeveritySetting {
  return configuredSeverity(meta, config) ?? defaultSeverity(meta, config);
}

/**
 * Whether running the rule can produce a finding that is shown. A rule with several peer codes
 * (DL3006 and DL3007) keeps running when only some of them are turned off: its findings are
 * judged one by one with `findingSeverity`.
 */
export function ruleMayReport(meta: RuleMeta, config: LintConfig): boolean {
  const rules = config.rules;
  // The usual case, asked for every rule of every file: nothing configured, so the default decides.
  if (!rules || isEmpty(rules)) return defaultSeverity(meta, config) !== 'off';
  const id = byId(meta, config);
  if (id) return id !== 'off';
  const settings = meta.equivalents.map((code) => rules[code] ?? rules[code.toLowerCase()]).filter(isSeveritySetting);
  if (defaultSeverity(meta, config) === 'off') return settings.some((s) => s !== 'off');
  return !(meta.equivalents.length > 0 && settings.length === meta.equivalents.length && settings.every((s) => s === 'off'));
}

/**
 * The severity of one finding: the rule id's setting, else the setting of the first peer code the
 * finding matches (its own equivalents when narrower than the rule's), else the finding's own
 * severity or the rule's default. 'off' drops the finding.
 */
export function findingSeverity(meta: RuleMeta, config: LintConfig, finding: { severity?: Severity; equivalents?: readonly string[] }): SeveritySetting {
  const configured = byId(meta, config) ?? byCodes(finding.equivalents ?? meta.equivalents, config);
  if (configured) return configured;
  const base = defaultSeverity(meta, config);
  return base === 'off' ? 'off' : finding.severity ?? base;
}

export type { Severity };
