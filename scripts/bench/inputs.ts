import * as fs from 'fs';
import * as path from 'path';

/** Benchmark inputs: the shared corpus, and large files generated deterministically. */

export const SHARED = process.env.DOCKHAND_SHARED ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
export const CORPUS = path.join(SHARED, 'corpus');

export function corpusFiles(folder: 'dockerfiles' | 'compose'): string[] {
  const dir = path.join(CORPUS, folder);
  return fs.readdirSync(dir).sort().map((name) => path.join(dir, name));
}

/** The `count` largest corpus files (Dockerfiles and Compose files together), largest first. */
export function largestCorpusFiles(count: number): { file: string; kind: 'dockerfile' | 'compose' }[] {
  const all = [
    ...corpusFiles('dockerfiles').map((file) => ({ file, kind: 'dockerfile' as const })),
    ...corpusFiles('compose').map((file) => ({ file, kind: 'compose' as const })),
  ];
  return all
    .map((entry) => ({ ...entry, size: fs.statSync(entry.file).size }))
    .sort((a, b) => b.size - a.size || a.file.localeCompare(b.file))
    .slice(0, count)
    .map(({ file, kind }) => ({ file, kind }));
}

/**
 * A RUN-heavy Dockerfile of about `lines` lines: a builder and a runtime stage whose RUNs install
 * packages, download and verify archives, and create users, each RUN different from the others.
 */
export function generateDockerfile(lines: number): string {
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG BASE=debian:12.5-slim', 'FROM ${BASE} AS build', 'WORKDIR /src', 'ENV LANG=C.UTF-8'];
  let block = 0;
  const runtimeAt = Math.floor(lines * 0.6);
  let switched = false;
  while (out.length < lines - 6) {
    if (!switched && out.length >= runtimeAt) {
      out.push('', 'FROM debian:12.5-slim AS runtime', 'WORKDIR /app', 'COPY --from=build /src/out /app');
      switched = true;
    }
    const n = block++;
    switch (n % 4) {
      case 0:
        out.push(
          `# packages, group ${n}`,
          'RUN apt-get update \\',
          `    && apt-get install -y --no-install-recommends ca-certificates=20230311 curl=7.88.1-10+deb12u${n % 9} \\`,
          `        libssl3=3.0.${n % 20}-1~deb12u1 pkg-${n}-tools=1.${n}.0 \\`,
          '    && rm -rf /var/lib/apt/lists/*',
        );
        break;
      case 1:
        out.push(
          `ENV TOOL_${n}_VERSION=2.${n}.1`,
          'RUN set -eux; \\',
          `    curl -fsSL -o /tmp/tool-${n}.tgz "https://example.com/tool-${n}/v\${TOOL_${n}_VERSION}/tool.tgz"; \\`,
          `    echo "${(n * 2654435761 % 2 ** 32).toString(16).padStart(8, '0')}  /tmp/tool-${n}.tgz" | sha256sum -c -; \\`,
          `    tar -xzf /tmp/tool-${n}.tgz -C /usr/local/bin; \\`,
          `    rm /tmp/tool-${n}.tgz`,
        );
        break;
      case 2:
        out.push(
          `RUN groupadd --system --gid ${1000 + n} group${n} \\`,
          `    && useradd --system --uid ${1000 + n} --gid group${n} --home-dir /home/user${n} user${n} \\`,
          `    && mkdir -p /home/user${n}/data && chown -R user${n}:group${n} /home/user${n}`,
        );
        break;
      default:
        out.push(
          `COPY config/part-${n}.conf /etc/app/conf.d/part-${n}.conf`,
          `RUN if [ -f /etc/app/conf.d/part-${n}.conf ]; then \\`,
          `      sed -i 's/^#option${n}=.*/option${n}=on/' /etc/app/conf.d/part-${n}.conf; \\`,
          '    fi',
        );
    }
  }
  out.push('USER user2', 'EXPOSE 8080', 'HEALTHCHECK --interval=30s CMD curl -fsS http://localhost:8080/health || exit 1', 'ENTRYPOINT ["/usr/local/bin/app"]', 'CMD ["--serve"]');
  return out.join('\n') + '\n';
}

/** A Compose file with `services` services that build, depend on each other, and check their health. */
export function generateCompose(services: number): string {
  const out: string[] = ['name: bench', 'services:'];
  for (let i = 0; i < services; i++) {
    out.push(
      `  svc${i}:`,
      `    image: registry.example.com/team/svc${i}:1.${i % 50}.0`,
      '    restart: unless-stopped',
      '    environment:',
      `      SERVICE_NAME: svc${i}`,
      `      LOG_LEVEL: \${LOG_LEVEL:-info}`,
      `      UPSTREAM_URL: http://svc${(i + 1) % services}:8080`,
      '    ports:',
      `      - "127.0.0.1:${10000 + i}:8080"`,
      '    volumes:',
      `      - svc${i}-data:/var/lib/svc`,
      '    healthcheck:',
      '      test: ["CMD", "curl", "-fsS", "http://localhost:8080/health"]',
      '      interval: 30s',
      '      timeout: 5s',
      '      retries: 3',
    );
    if (i > 0) out.push('    depends_on:', `      svc${i - 1}:`, '        condition: service_healthy');
    out.push('    deploy:', '      resources:', '        limits:', `          memory: ${128 + (i % 8) * 64}M`);
  }
  out.push('volumes:');
  for (let i = 0; i < services; i++) out.push(`  svc${i}-data: {}`);
  return out.join('\n') + '\n';
}

/** The line a user types at in a generated file: the end of a RUN (or environment) line halfway down. */
export function typingLine(text: string, kind: 'dockerfile' | 'compose'): { line: number; character: number } {
  const lines = text.split('\n');
  const pattern = kind === 'dockerfile' ? /^ {4}&& rm -rf \/var\/lib\/apt\/lists\/\*$/ : /^ {6}SERVICE_NAME: /;
  for (let i = Math.floor(lines.length / 2); i < lines.length; i++) {
    if (pattern.test(lines[i])) return { line: i, character: lines[i].length };
  }
  return { line: 0, character: lines[0].length };
}

/** Writes the generated inputs into `dir` (named like real files, so every tool detects them). */
export function writeGenerated(dir: string, sizes: { dockerfiles: number[]; compose: number[] }): Map<string, string> {
  const files = new Map<string, string>();
  for (const lines of sizes.dockerfiles) {
    const file = path.join(dir, `df${lines}`, 'Dockerfile');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generateDockerfile(lines));
    files.set(`dockerfile-${lines}`, file);
  }
  for (const count of sizes.compose) {
    const file = path.join(dir, `compose${count}`, 'compose.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, generateCompose(count));
    files.set(`compose-${count}`, file);
  }
  return files;
}
