import { isMap, isScalar, type Node } from 'yaml';
import type { Fix } from '../../finding';
import type { ComposeRule } from '../../rule';
import { isPlainObject, nodeAt } from '../model';
import { builtDockerfile, healthSource, knownHealthcheck } from '../health';
import { officialName, parseImageRef } from '../../dockerfile/images';
import type { ComposeModel } from '../model';
import type { Workspace } from '../../workspace';
import { appendToMap, flowList } from '../edits';
import { rangeOf, services, topLevel } from '../services';

/**
 * `condition: service_healthy` on a service that has no healthcheck never becomes true:
 * `docker compose up` fails with "dependency … has no healthcheck configured".
 */
export const composeHealthcheckMissing: ComposeRule = {
  meta: {
    id: 'compose-healthcheck-missing',
    kind: 'compose',
    title: '`service_healthy` needs a healthcheck on the dependency',
    severity: 'error',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    const all = topLevel(model, 'services');
    const declared = new Map(services(model).map((s) => [s.name, s]));
    for (const service of services(model)) {
      const depends = service.value.depends_on;
      if (!isPlainObject(depends)) continue;
      for (const [name, spec] of Object.entries(depends)) {
        if (!isPlainObject(spec) || spec.condition !== 'service_healthy') continue;
        const target = all[name];
        if (!isPlainObject(target)) continue; // an undefined service is compose-undefined-reference's finding
        if (healthSource(model, target, workspace, onDisk) !== undefined) continue;
        if (!knownToLackHealthcheck(model, target, workspace, onDisk)) continue;
        const conditionHit = nodeAt(model, ['services', service.name, 'depends_on', name, 'condition']);
        const range = rangeOf(model, conditionHit.depth === 5 ? conditionHit.node : conditionHit.pair?.key as Node ?? service.key);
        const fixes: Fix[] = [];
        const targetMap = declared.get(name)?.map;
        const hasHealthKey = targetMap?.items.some((p) => isScalar(p.key) && p.key.value === 'healthcheck');
        if (targetMap && isMap(targetMap) && !hasHealthKey) {
          const known = knownHealthcheck(target);
          const test = known ?? ['CMD-SHELL', 'exit 1  # replace with a command that succeeds once the service is ready'];
          const edit = appendToMap(model, targetMap, [
            'healthcheck:',
            `  test: ${flowList(test)}`,
            '  interval: 10s',
            '  timeout: 5s',
            '  retries: 5',
            ...(known ? ['  start_period: 10s'] : []),
          ]);
          if (edit) {
            fixes.push({
              title: known ? `Add a healthcheck to \`${name}\` (${test.slice(1).join(' ')})` : `Add a healthcheck template to \`${name}\` to fill in`,
              isPreferred: known !== undefined,
              changes: [{ kind: 'edit', path: model.path, edits: [edit] }],
            });
          }
        }
        report({
          range,
          message: `Service \`${service.name}\` waits for \`${name}\` to be healthy, but \`${name}\` has no healthcheck (in Compose or in the Dockerfile it builds), so \`docker compose up\` fails. Add a healthcheck to \`${name}\`, or use \`condition: service_started\`.`,
          fixes,
        });
      }
    }
  },
};

/**
 * Only certain absences count: Docker Hub's official images never declare a HEALTHCHECK, and a
 * local Dockerfile can be read. Any other image may bring its own HEALTHCHECK, so stay quiet.
 */
function knownToLackHealthcheck(model: ComposeModel, service: Record<string, unknown>, workspace: Workspace, onDisk: boolean): boolean {
  if (service.build !== undefined) return onDisk && builtDockerfile(model, service, workspace) !== undefined;
  const image = typeof service.image === 'string' ? service.image : undefined;
  if (!image || image.includes('$')) return false;
  return officialName(parseImageRef(image, image)) !== undefined;
}
