import type { Instruction } from 'dockerfile-ast';
import type { Fix } from '../../finding';
import type { ComposeRule } from '../../rule';
import { keywordOf, stageChain } from '../../dockerfile/model';
import { LineIndex } from '../../text';
import { builtDockerfile } from '../health';
import { parsePort, targetPorts } from '../ports';
import { nodeAtPath, rangeOf, seqItems, services } from '../services';

/**
 * A published container port that the image never EXPOSEs often means a typo in the port, or an
 * app listening elsewhere. EXPOSE also documents the port for everyone reading the Dockerfile.
 */
export const composePortNotExposed: ComposeRule = {
  meta: {
    id: 'compose-port-not-exposed',
    kind: 'compose',
    title: 'Published ports should be EXPOSEd by the Dockerfile',
    severity: 'information',
    enabledByDefault: true,
    equivalents: [],
    fixable: true,
  },
  check({ model, workspace, onDisk, report }) {
    if (!onDisk) return;
    for (const service of services(model)) {
      if (!Array.isArray(service.value.ports)) continue;
      const built = builtDockerfile(model, service.value, workspace);
      if (!built) continue;
      const chain = stageChain(built.stage);
      const exposes = chain.flatMap((s) => s.instructions).filter((i) => keywordOf(i) === 'EXPOSE');
      if (exposes.some((e) => e.getArguments().some((a) => a.getValue().includes('$')))) continue;
      const exposed = new Set(exposes.flatMap((e) => e.getArguments().flatMap((a) => expand(a.getValue()))));
      const nodes = seqItems(model, nodeAtPath(model, ['services', service.name, 'ports']));
      service.value.ports.forEach((value, index) => {
        const port = parsePort(value);
        if (!port) return;
        const missing = targetPorts(port).filter((p) => !exposed.has(`${p}/${port.protocol ?? 'tcp'}`));
        if (missing.length === 0 || !nodes[index]) return;
        const edit = exposeEdit(built.text, built.stage.instructions, built.stage.from, `EXPOSE ${missing.map((p) => port.protocol && port.protocol !== 'tcp' ? `${p}/${port.protocol}` : String(p)).join(' ')}`);
        const fixes: Fix[] = [{ title: `Add \`EXPOSE ${missing.join(' ')}\` to the Dockerfile`, isPreferred: true, changes: [{ kind: 'edit', path: built.path, edits: [edit] }] }];
        report({
          range: rangeOf(model, nodes[index]),
          message: `Container port ${missing.join(', ')} of service \`${service.name}\` is published, but its Dockerfile does not EXPOSE it. Check the port, or add \`EXPOSE ${missing.join(' ')}\` to the Dockerfile.`,
          fixes,
        });
      });
    }
  },
};

function expand(spec: string): string[] {
  const [ports, protocol = 'tcp'] = spec.toLowerCase().split('/');
  const [from, to] = ports.split('-').map(Number);
  if (!Number.isInteger(from)) return [];
  const out: string[] = [];
  for (let p = from; p <= (Number.isInteger(to) ? to : from) && out.length < 1000; p++) out.push(`${p}/${protocol}`);
  return out;
}

/** Before the stage's CMD/ENTRYPOINT, else after its last instruction. */
function exposeEdit(text: string, instructions: Instruction[], from: Instruction, line: string) {
  const lines = new LineIndex(text);
  const eol = lines.eol;
  const anchor = instructions.find((i) => ['CMD', 'ENTRYPOINT'].includes(keywordOf(i)));
  if (anchor) {
    const pos = { line: anchor.getRange().start.line, character: 0 };
    return { range: { start: pos, end: pos }, newText: line + eol };
  }
  const last = instructions[instructions.length - 1] ?? from;
  const endLine = last.getRange().end.line;
  const end = { line: endLine, character: lines.lineText(endLine).length };
  return { range: { start: end, end }, newText: eol + line };
}
