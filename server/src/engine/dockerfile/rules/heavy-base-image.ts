import type { DockerfileRule } from '../../rule';
import { finalStage, stageChain } from '../model';
import { leanVariants, imageLabel } from '../images';
import { selfChange } from '../edits';

/**
 * The full official images (`node:20`, `python:3.12`) carry compilers, headers and hundreds of
 * packages the app never runs: five to ten times the size, and as many CVEs to patch. The slim
 * (Debian without build tools) or alpine variants run the same app.
 */
export const heavyBaseImage: DockerfileRule = {
  meta: {
    id: 'heavy-base-image',
    kind: 'dockerfile',
    title: 'The final stage should use a slim or alpine variant of the official image',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, build, report }) {
    const final = finalStage(model, build);
    if (!final) return;
    const chain = stageChain(final);
    const root = chain[chain.length - 1];
    const variants = leanVariants(root.image);
    if (!variants) return;
    const range = root.from.getImageRange();
    if (!range) return;
    const writable = !root.image.raw.includes('$');
    const tagRange = root.from.getImageTagRange();
    const nameRange = root.from.getImageNameRange();
    const retag = (tag: string) => (tagRange
      ? { range: tagRange, newText: tag }
      : nameRange ? { range: { start: nameRange.end, end: nameRange.end }, newText: `:${tag}` } : undefined);
    const fixes = [];
    for (const [label, tag, preferred] of [['slim', variants.slim, true], ['alpine', variants.alpine, !variants.slim]] as const) {
      const edit = tag && writable ? retag(tag) : undefined;
      if (!edit) continue;
      fixes.push({
        title: `Use \`${root.image.repository}:${tag}\`${label === 'alpine' ? ' (musl libc: check native modules)' : ''}`,
        isPreferred: preferred,
        changes: [selfChange(model, [edit])],
      });
    }
    const suggestion = [variants.slim, variants.alpine].filter(Boolean).map((t) => `\`${root.image.repository}:${t}\``).join(' or ');
    report({
      range,
      message: `The final image is built on \`${imageLabel(root.image)}\`, the full official image with compilers and build tools the app does not need at run time. Use ${suggestion} for an image several times smaller with fewer CVEs.`,
      fixes,
    });
  },
};
