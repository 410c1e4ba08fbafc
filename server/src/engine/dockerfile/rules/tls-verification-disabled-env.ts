import type { DockerfileRule } from '../../rule';
import type { Range } from '../../finding';
import { placedInstructions } from '../operands';

interface Property {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
  getValueRange(): Range | null;
}

/** Variables that turn certificate checks off, with the values that do it. */
const INSECURE: { name: string; disables(value: string): boolean; tool: string; equivalents: string[] }[] = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', disables: (v) => v === '0', tool: 'Node.js', equivalents: ['CKV2_DOCKER_6'] },
  { name: 'PYTHONHTTPSVERIFY', disables: (v) => v === '0', tool: 'Python', equivalents: ['CKV2_DOCKER_5'] },
  { name: 'GIT_SSL_NO_VERIFY', disables: (v) => v !== '' && !/^(0|false|no)$/i.test(v), tool: 'git', equivalents: [] },
  { name: 'PIP_TRUSTED_HOST', disables: (v) => v.trim() !== '', tool: 'pip', equivalents: [] },
  { name: 'NPM_CONFIG_STRICT_SSL', disables: (v) => /^(false|0|no)$/i.test(v), tool: 'npm', equivalents: [] },
  { name: 'YARN_STRICT_SSL', disables: (v) => /^(false|0|no)$/i.test(v), tool: 'yarn', equivalents: [] },
];

/**
 * ENV/ARG values that switch TLS certificate verification off make every download of the build
 * (and, for ENV, every connection of the app) open to a man in the middle.
 */
export const tlsVerificationDisabledEnv: DockerfileRule = {
  meta: {
    id: 'tls-verification-disabled-env',
    kind: 'dockerfile',
    title: 'Do not turn TLS certificate verification off through ENV or ARG',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CKV2_DOCKER_5', 'CKV2_DOCKER_6'],
    fixable: false,
  },
  runIndependent: true,
  reads: ['ARG', 'ENV'],
  check({ model, report }) {
    for (const { instruction, keyword } of placedInstructions(model)) {
      if (keyword !== 'ENV' && keyword !== 'ARG') continue;
      const properties = (instruction as unknown as { getProperties?(): Property[] }).getProperties?.() ?? [];
      for (const property of properties) {
        const name = property.getName().toUpperCase();
        const setting = INSECURE.find((s) => s.name === name);
        const value = property.getValue();
        if (!setting || value === null || !setting.disables(value)) continue;
        report({
          range: { start: property.getNameRange().start, end: property.getValueRange()?.end ?? property.getNameRange().end },
          message: `\`${property.getName()}=${value}\` turns off TLS certificate checks for ${setting.tool}, so anyone on the network path can swap what is downloaded${keyword === 'ENV' ? ' (and it stays on in the running container)' : ''}. Add the proxy's CA certificate to the image instead (e.g. COPY it to /usr/local/share/ca-certificates and run update-ca-certificates).`,
          equivalents: setting.equivalents,
        });
      }
    }
  },
};
