import fc from 'fast-check';
import type { FuzzInput } from './properties';

/** Pieces that make rules fire: package managers, pipes, heredocs, secrets, flags, JSON forms. */
const SHELL_PIECES = [
  'apt-get update', 'apt-get install -y curl', 'apt-get install curl=7.1 ./local.deb', 'apt install vim',
  'apk add --no-cache git', 'apk add bash', 'pip install flask', 'pip install -r requirements.txt', 'python -m pip install x==1',
  'npm install', 'npm ci --omit=dev', 'npm install -g typescript@5', 'yarn install', 'pnpm install --frozen-lockfile',
  'yum install httpd', 'dnf install -y nginx', 'zypper install x', 'microdnf install y', 'gem install rails', 'go install x@latest',
  'curl -fsSL https://x.sh | sh', 'wget -qO- https://x | bash', 'curl -k https://x', 'cd /app', 'sudo make', 'useradd -u 100000 app',
  'ln -sf /bin/bash /bin/sh', 'echo "$HOME"', "sh -c 'apt-get install x'", 'set -eux', 'rm -rf /var/lib/apt/lists/*',
  'cat <<EOF > /etc/x\napt-get install nothing\nEOF', 'chpasswd', 'echo root:pw | chpasswd', '(cd /x && make)', 'a || b', 'x;y',
  '"unterminated', "'also unterminated", '$(', '${VAR:-x}', '`date`', '\\', '&& ', '| ', '# comment && apt-get install x',
];
const IMAGES = ['node:20', 'node', 'ubuntu:latest', 'alpine:3.20', 'python:3.12-slim', '${BASE}', '$IMAGE', 'scratch', 'golang:1.22 AS build', 'build', 'mcr.microsoft.com/dotnet/sdk:8.0', 'x@sha256:abc', 'Debian AS Foo', ':', '--platform=$BUILDPLATFORM node:20 AS b'];
const KEYWORDS = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'ARG', 'EXPOSE', 'USER', 'WORKDIR', 'LABEL', 'HEALTHCHECK', 'SHELL', 'VOLUME', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER', 'from', 'Run', 'FORM', 'RUNN', ''];
const ARGS = [
  '["node", "server.js"]', '["broken", ', "['single']", 'node server.js', 'npm start', '. .', '--from=build /a /b', '--chown=1000:1000 package*.json ./',
  'a=b c=d', 'JWT_SECRET=hunter2', 'PASSWORD ""', 'KEY value with spaces', '80/tcp 443/UDP 22', '99999', 'root', '1000:1000', 'relative/dir', '/abs',
  'CMD curl -f http://localhost/ || exit 1', 'NONE', '--interval=30s CMD true', '["/bin/bash", "-o", "pipefail", "-c"]', 'maintainer@example.com',
  '--mount=type=cache,target=/root/.npm npm ci', '--mount=type=secret,id=t,env=T make', '<<EOF\necho hi\nEOF', '<<-"EOT" bash\n\tset -e\nEOT',
  'https://example.com/x.tar.gz /tmp/', 'x.tar.gz /opt/', '$VAR', '${UNDEFINED}', '-', '\\\n  continued', '',
];
const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# check=error=true;skip=JSONArgsRecommended', '# hadolint ignore=DL3008,DL3015', '# hadolint global ignore=DL3006', '# hadolint shell=powershell', '# dockhand-ignore=no-root-user', '# dockhand-ignore-file=secret-in-env', '#', ''];

const lineEnding = fc.constantFrom('\n', '\r\n', '\n', '\n');

function runScript(): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...SHELL_PIECES), { minLength: 1, maxLength: 5 })
    .chain((pieces) => fc.array(fc.constantFrom(' && ', ' ; ', ' | ', ' || ', ' \\\n    && ', ' `\n  && ', '\n'), { minLength: pieces.length, maxLength: pieces.length })
      .map((joins) => pieces.map((p, i) => (i === 0 ? p : joins[i] + p)).join('')));
}

function instruction(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: runScript().map((s) => `RUN ${s}`) },
    { weight: 2, arbitrary: fc.constantFrom(...IMAGES).map((i) => `FROM ${i}`) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...KEYWORDS), fc.constantFrom(...ARGS)).map(([k, a]) => `${k} ${a}`) },
    { weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

/** Dockerfiles from a small grammar: directives, stages, instructions with hostile arguments. */
export function fuzzDockerfile(): fc.Arbitrary<FuzzInput> {
  return fc.tuple(fc.array(instruction(), { minLength: 0, maxLength: 25 }), lineEnding, fc.boolean(), fc.boolean())
    .map(([lines, eol, bom, trailing]) => ({
      kind: 'dockerfile' as const,
      path: '/fuzz/Dockerfile',
      text: (bom ? '\uFEFF' : '') + lines.join(eol).replace(/\n/g, eol === '\r\n' ? '\r\n' : '\n').replace(/\r\r\n/g, '\r\n') + (trailing ? eol : ''),
    }));
}

const SERVICE_KEYS = [
  'image: postgres', 'image: "redis:7"', 'build: .', 'build:\n      context: .\n      target: missing', 'ports:\n      - "5432:5432"\n      - 8080:80',
  'environment:\n      POSTGRES_PASSWORD: postgres\n      JWT_SECRET: dev', 'environment:\n      - API_KEY=abc\n      - X', 'depends_on:\n      - db\n      - nowhere',
  'depends_on:\n      db:\n        condition: service_started', 'healthcheck:\n      test: ["CMD", "pg_isready"]', 'healtcheck: {}', 'privileged: true',
  'volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - "data:/data"', 'network_mode: host', 'cap_add: [ALL]', 'restart: always', 'container_name: x',
  'env_file: ../../etc/x', 'extends:\n      service: base', 'extends:\n      file: other.yaml\n      service: s', 'command: ${CMD:?required}', 'image: ${IMAGE:-nginx}:$$TAG',
  '<<: *defaults', 'security_opt: [seccomp:unconfined]', 'ports: [22]', 'labels: {a: b}', 'mem_limit: 1g', 'ports: "not a list"', 'x: [unclosed', '? complex\n    : key',
];
const TOP_LEVEL = ['version: "3.8"', 'name: demo', 'volumes:\n  data: {}', 'networks:\n  front:', 'secrets:\n  s:\n    file: ./s.txt', 'include:\n  - other.yaml', 'x-defaults: &defaults\n  restart: always', 'configs: ~', '---', 'services: []', '!!binary aGVsbG8=', '&a [*a]', '%YAML 1.2\n---'];

/** Compose files from a small grammar: services with valid, misspelt and hostile keys, anchors, tags. */
export function fuzzCompose(): fc.Arbitrary<FuzzInput> {
  const service = fc.tuple(fc.constantFrom('api', 'db', 'redis', 'web', 'Bad Name', 'x'), fc.array(fc.constantFrom(...SERVICE_KEYS), { maxLength: 6 }))
    .map(([name, keys]) => `  ${name}:\n${keys.map((k) => `    ${k}`).join('\n')}`);
  return fc.tuple(fc.array(fc.constantFrom(...TOP_LEVEL), { maxLength: 3 }), fc.array(service, { maxLength: 5 }), lineEnding, fc.nat({ max: 30 }))
    .map(([top, services, eol, depth]) => {
      const nested = depth > 25 ? `\nx-deep: ${'['.repeat(depth * 20)}${']'.repeat(depth * 20)}` : '';
      return {
        kind: 'compose' as const,
        path: '/fuzz/compose.yaml',
        text: `${top.join('\n')}\nservices:\n${services.join('\n')}${nested}\n`.replace(/\n/g, eol),
      };
    });
}
