/** `dockhand.languageFeatures.*`: which language features this server offers, per file kind. */
export type FeatureMode = 'auto' | 'on' | 'off';

export interface LanguageFeatureSettings {
  dockerfile: FeatureMode;
  compose: FeatureMode;
  /** Docker Hub tag look-ups in FROM completion (the only feature that reaches the network). */
  onlineImageTags: boolean;
}

function mode(value: unknown): FeatureMode {
  return value === 'on' || value === 'off' || value === 'auto' ? value : 'auto';
}

export function normaliseLanguageFeatures(value: unknown): LanguageFeatureSettings {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  return { dockerfile: mode(raw.dockerfile), compose: mode(raw.compose), onlineImageTags: raw.onlineImageTags === true };
}

/**
 * The server cannot see which other extensions are installed: the VS Code client resolves `auto`
 * before sending settings. Any other client reaching us with `auto` gets the features.
 */
export function isOn(mode: FeatureMode): boolean {
  return mode !== 'off';
}
