import type { DockerfileRule } from '../../rule';
import type { Range } from '../../finding';
import { parseImageRef } from '../images';
import { substituteArgs } from '../model';
import { copyOperands, placedInstructions, stageNamed } from '../operands';

/** `docker.io` for Docker Hub images, whatever spelling the reference uses. */
function registryOf(reference: string): string {
  return parseImageRef(reference, reference).registry ?? 'docker.io';
}

function isTrusted(registry: string, trusted: readonly string[]): boolean {
  const host = registry.toLowerCase();
  return trusted.some((pattern) => {
    const p = pattern.toLowerCase().trim();
    if (p === '*') return true;
    const hub = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];
    if (hub.includes(p) && host === 'docker.io') return true;
    if (p.startsWith('*.')) return host.endsWith(p.slice(1));
    return host === p;
  });
}

/**
 * With `trustedRegistries` configured (hadolint's key, or `trusted-registries` in .dockhand.yaml),
 * base images and `--from` images must come from one of them. Does nothing until configured.
 */
export const untrustedRegistry: DockerfileRule = {
  meta: {
    id: 'untrusted-registry',
    kind: 'dockerfile',
    title: 'Images should come from a trusted registry (when configured)',
    severity: 'error',
    enabledByDefault: true,
    equivalents: ['DL3026'],
    fixable: false,
  },
  check({ model, report, config }) {
    const trusted = config?.trustedRegistries ?? [];
    if (trusted.length === 0) return;
    const judge = (reference: string, range: Range) => {
      if (reference === '' || /\$/.test(reference)) return;
      const ref = parseImageRef(reference, reference);
      if (ref.isScratch) return;
      const registry = registryOf(reference);
      if (isTrusted(registry, trusted)) return;
      report({
        range,
        message: `\`${reference}\` comes from \`${registry}\`, which is not one of the trusted registries (${trusted.join(', ')}). Use an image from a trusted registry, or add this one to \`trustedRegistries\`.`,
      });
    };
    for (const stage of model.stages) {
      if (stage.baseStage) continue;
      const range = stage.from.getImageRange();
      if (range && stage.image.resolved !== undefined) judge(stage.image.resolved, range);
    }
    for (const { instruction, keyword } of placedInstructions(model)) {
      const copy = copyOperands(model, instruction);
      if (copy?.from && !stageNamed(model, copy.from.value) && /[:@/]/.test(copy.from.value)) judge(copy.from.value, copy.from.range);
      if (keyword !== 'RUN') continue;
      for (const flag of (instruction as unknown as { getFlags(): { getName(): string; getValue(): string | null; getValueRange(): Range | null }[] }).getFlags()) {
        if (flag.getName().toLowerCase() !== 'mount') continue;
        const value = flag.getValue() ?? '';
        const from = /(?:^|,)from=([^,]+)/.exec(value)?.[1];
        const valueRange = flag.getValueRange();
        if (!from || !valueRange || stageNamed(model, from)) continue;
        const resolved = substituteArgs(from, model.globalArgs);
        if (resolved) judge(resolved, valueRange);
      }
    }
  },
};
