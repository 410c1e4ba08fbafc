import type { DockerfileRule } from '../../rule';
import { finalStage, keywordOf, rootImage, stageChain, stageVariables, substituteArgs } from '../model';
import { officialName, osFlavour } from '../images';
import { chainInstructionsOf, effectiveStart, runtimeInsertionPoint, someRunWord } from '../runtime';
import { insertLinesAfter, insertLinesBefore, selfChange } from '../edits';

const OPTIONS = '--interval=30s --timeout=3s --start-period=10s --retries=3';

/**
 * Without a HEALTHCHECK, Docker (and Compose, Swarm, ECS) only knows the process is alive, not
 * that it serves: a hung server stays "up", and `depends_on: service_healthy` cannot wait for it.
 */
export const missingHealthcheck: DockerfileRule = {
  meta: {
    id: 'missing-healthcheck',
    kind: 'dockerfile',
    title: 'A service image should declare a HEALTHCHECK',
    severity: 'information',
    enabledByDefault: true,
    equivalents: ['DL3057', 'CKV_DOCKER_2', 'DS026', 'DS-0026'],
    fixable: true,
  },
  check({ model, build, report }) {
    const final = finalStage(model, build);
    if (!final) return;
    if (stageChain(final).some((s) => s.instructions.some((i) => keywordOf(i) === 'HEALTHCHECK'))) return;
    const start = effectiveStart(final);
    if (!start.cmd && !start.entrypoint) return;
    const exposes = chainInstructionsOf(final, 'EXPOSE');
    if (exposes.length === 0) return;
    if (build.composeServices.some((link) => composeHasHealthcheck(link.service.toJSON() as Record<string, unknown>))) return;

    const firstPort = exposes[0].getArguments()[0]?.getValue() ?? '';
    // The stage's variables are read only for a port written with one (`EXPOSE $PORT`).
    const resolved = firstPort.includes('$') ? substituteArgs(firstPort, stageVariables(model, final)) ?? '' : firstPort;
    const port = /^(\d+)(\/tcp)?$/i.exec(resolved)?.[1];
    const probe = port ? probeFor(model, final, port) : undefined;
    const fixes = [];
    if (probe) {
      const line = `HEALTHCHECK ${OPTIONS} CMD ${probe}`;
      const at = runtimeInsertionPoint(final);
      const edit = at.before ? insertLinesBefore(model, at.before, [line]) : insertLinesAfter(model, at.after!, [line]);
      fixes.push({ title: `Add a HEALTHCHECK probing http://127.0.0.1:${port}/`, isPreferred: true, changes: [selfChange(model, [edit])] });
    }
    report({
      range: final.from.getRange(),
      message: `This image runs a service (it EXPOSEs ${firstPort}) but declares no HEALTHCHECK, so Docker cannot tell a hung server from a healthy one and \`depends_on: condition: service_healthy\` cannot wait for it. Add a HEALTHCHECK${port ? ` that probes port ${port}` : ''}.`,
      fixes,
    });
  },
};

function composeHasHealthcheck(service: Record<string, unknown>): boolean {
  const check = service.healthcheck as Record<string, unknown> | undefined;
  return typeof check === 'object' && check !== null && check.disable !== true;
}

/** A probe command that works with what the image has. */
function probeFor(model: Parameters<DockerfileRule['check']>[0]['model'], final: NonNullable<ReturnType<typeof finalStage>>, port: string): string | undefined {
  const root = rootImage(final);
  const flavour = osFlavour(root);
  const official = officialName(root);
  const url = `http://127.0.0.1:${port}/`;
  if (flavour === 'distroless' || flavour === 'scratch' || flavour === 'windows') return undefined;
  if (official === 'node') {
    const script = `require('http').get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))`;
    return JSON.stringify(['node', '-e', script]).replace(/","/g, '", "');
  }
  if (someRunWord(model, final, (word) => word === 'curl')) return `curl -fsS ${url} > /dev/null || exit 1`;
  if (flavour === 'alpine' || flavour === 'busybox') return `wget -q --spider ${url} || exit 1`;
  if (official === 'python' || official === 'pypy') {
    const script = `import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('${url}', timeout=2).status < 400 else 1)`;
    return JSON.stringify(['python', '-c', script]).replace(/","/g, '", "');
  }
  // The full Debian-based official images (buildpack-deps) ship curl; slim ones do not.
  if (official && flavour === 'debian' && !/slim/.test(root.tag ?? '') && ['ruby', 'golang', 'openjdk', 'php', 'perl', 'rust', 'buildpack-deps', 'gcc', 'elixir', 'erlang', 'haskell'].includes(official)) {
    return `curl -fsS ${url} > /dev/null || exit 1`;
  }
  return undefined;
}
