import * as vscode from 'vscode';

/**
 * `dockhand.languageFeatures.dockerfile|compose = auto` steps aside for the extensions that already
 * give Dockerfiles and Compose files hover, completion, outline, formatting and links, so the user
 * gets one of each feature, not two.
 */
export const OVERLAPPING_EXTENSIONS = ['ms-azuretools.vscode-docker', 'ms-azuretools.vscode-containers', 'docker.docker'];

export type FeatureMode = 'auto' | 'on' | 'off';

export interface ResolvedFeatures {
  dockerfile: 'on' | 'off';
  compose: 'on' | 'off';
  onlineImageTags: boolean;
}

export function resolveMode(mode: unknown, overlapping: readonly string[]): 'on' | 'off' {
  if (mode === 'on' || mode === 'off') return mode;
  return overlapping.length > 0 ? 'off' : 'on';
}

/** Installed and enabled: such an extension activates on the same files as we do. */
export function overlappingExtensions(): string[] {
  return OVERLAPPING_EXTENSIONS.filter((id) => vscode.extensions.getExtension(id) !== undefined);
}

export function resolvedFeatures(config: vscode.WorkspaceConfiguration = vscode.workspace.getConfiguration('dockhand')): ResolvedFeatures {
  const overlapping = overlappingExtensions();
  return {
    dockerfile: resolveMode(config.get('languageFeatures.dockerfile', 'auto'), overlapping),
    compose: resolveMode(config.get('languageFeatures.compose', 'auto'), overlapping),
    onlineImageTags: config.get<boolean>('languageFeatures.onlineImageTags', false) === true,
  };
}

/**
 * The `dockhand` settings as the server should see them: `languageFeatures: auto` already decided, and
 * `diagnostics.activePeers` listing the installed peers, so `diagnostics.peerDuplicates: auto` can
 * withhold the findings they already report.
 */
export function withResolvedFeatures(settings: unknown, scope?: vscode.ConfigurationScope): unknown {
  if (!settings || typeof settings !== 'object') return settings;
  const raw = settings as Record<string, unknown>;
  const diagnostics = raw.diagnostics && typeof raw.diagnostics === 'object' ? (raw.diagnostics as Record<string, unknown>) : {};
  return {
    ...raw,
    languageFeatures: resolvedFeatures(vscode.workspace.getConfiguration('dockhand', scope)),
    diagnostics: { ...diagnostics, activePeers: overlappingExtensions() },
  };
}
