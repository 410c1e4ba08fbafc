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

/** The severity the user set for this rule (by id first, then by equivalents), if any. */
export function configuredSeverity(meta: RuleMeta, config: LintConfig): SeveritySetting | undefined {
  const rules = config.rules ?? {};
  if (isSeveritySetting(rules[meta.id])) return rules[meta.id];
  for (const code of meta.equivalents) {
    const value = rules[code] ?? rules[code.toLowerCase()];
    if (isSeveritySetting(value)) return value;
  }
  return undefined;
}

/** The severity the rule runs at, or 'off'. */
export function effectiveSeverity(meta: RuleMeta, config: LintConfig): SeveritySetting {
  const configured = configuredSeverity(meta, config);
  if (configured) return configured;
  if (meta.enabledByDefault) return meta.severity;
  return config.enableAll ? (meta.severity === 'hint' ? 'warning' : meta.severity) : 'off';
}

export type { Severity };
