import type { DockerfileRule } from '../../rule';
import { PLATFORM_ARGS, variableReference } from '../build-args';

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** True when `image` is a valid image reference (or `scratch`). */
export function isValidImageReference(image: string): boolean {
  return REFERENCE.test(image);
}

/** `$X`, `${X}`, `${X:-word}`, `${X-word}`, `${X:+word}`, `${X+word}` with the ARG defaults; unset names are empty. */
export function expandDefaults(raw: string, values: ReadonlyMap<string, string | undefined>): string {
  return raw.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, colon: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const set = values.has(name);
      const value = values.get(name) ?? '';
      const present = colon ? value !== '' : set;
      const literal = (word ?? '').replace(/^"(.*)"$|^'(.*)'$/, '$1$2');
      if (op === '-') return present ? value : literal;
      if (op === '+') return present ? literal : '';
      return value;
    });
}

/**
 * `ARG VERSION` without a default and `FROM busybox:$VERSION`: unless every build passes
 * `--build-arg VERSION=…`, the base image is `busybox:` — not a valid reference.
 */
export const invalidDefaultArgInFrom: DockerfileRule = {
  meta: {
    id: 'invalid-default-arg-in-from',
    kind: 'dockerfile',
    title: 'ARG defaults used in FROM must give a valid image name',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['InvalidDefaultArgInFrom'],
    fixable: false,
  },
  runIndependent: true,
  // The global ARGs' defaults, and the FROM images, ranges and stage names.
  reads: ['ARG', 'FROM'],
  check({ model, report }) {
    // Read on the first FROM with a variable: most files have none.
    let defaults: Map<string, string | undefined> | undefined;
    let stageNames: Set<string | undefined> | undefined;
    for (const stage of model.stages) {
      const raw = stage.from.getImage();
      const range = stage.from.getImageRange();
      if (!raw || !range || !raw.includes('$')) continue;
      if (!defaults || !stageNames) {
        defaults = new Map<string, string | undefined>(PLATFORM_ARGS);
        // In declaration order, so a default may use the ARGs above it (`ARG IMAGE=$REGISTRY/app`).
        for (const [name, value] of model.globalArgs) defaults.set(name, expandDefaults(value ?? '', defaults));
        stageNames = new Set(model.stages.map((s) => s.name?.toLowerCase()).filter(Boolean));
      }
      const used = stage.from.getVariables().map((v) => variableReference(v).name).filter((n) => model.globalArgs.has(n));
      if (used.length === 0) continue;
      const image = expandDefaults(raw, defaults);
      if (stageNames.has(image.toLowerCase()) || isValidImageReference(image)) continue;
      const names = [...new Set(used)];
      // `ARG IMAGE` with no default at all is how a file says "pass --build-arg": worth a note, not a warning.
      const noDefault = names.every((n) => model.globalArgs.get(n) === undefined);
      report({
        range,
        severity: noDefault ? 'information' : undefined,
        message: `With the default${names.length > 1 ? 's' : ''} of ${names.map((n) => `ARG ${n}`).join(', ')}, the base image is \`${image}\`${image === '' ? ' (empty)' : ''}, which is not a valid image name: the build fails unless every build passes \`--build-arg\`. Give ${names.length > 1 ? 'them' : 'it'} a default (\`ARG ${names[0]}=…\`) or use \`\${${names[0]}:-…}\`.`,
      });
    }
  },
};
