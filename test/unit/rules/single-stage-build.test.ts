import * as assert from 'assert';
import { assertFires, assertFixRoundTrip, assertQuiet, initEngine, lintFixture } from '../helpers';

const RULE = 'single-stage-build';
const NODE = {
  'package.json': JSON.stringify({ scripts: { build: 'tsc -p .', start: 'node dist/server.js' } }),
  'package-lock.json': '{}',
  'tsconfig.json': '{"compilerOptions":{"outDir":"dist"}}',
};

describe(RULE, () => {
  before(initEngine);

  it('fires on the build RUN of a stage that also runs the app', () => {
    const [finding] = assertFires({ dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\nRUN npm run build\nCMD ["node", "dist/server.js"]\n', files: NODE }, RULE, 1);
    assert.strictEqual(finding.range.start.line, 4);
  });

  it('splits a Node build into a builder and a runtime stage with production dependencies only', () => {
    const { dockerfile } = assertFixRoundTrip({
      dockerfile: 'FROM node:20\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nENV PORT=3000\nEXPOSE 3000\nCMD npm start\n',
      files: NODE,
    }, RULE);
    assert.strictEqual(dockerfile, [
      'FROM node:20 AS build',
      'WORKDIR /app',
      'COPY package*.json ./',
      'RUN npm ci',
      'COPY . .',
      'RUN npm run build',
      'RUN npm prune --omit=dev',
      '',
      'FROM node:20',
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'COPY --from=build /app/package.json ./',
      'COPY --from=build /app/node_modules ./node_modules',
      'COPY --from=build /app/dist ./dist',
      'ENV PORT=3000',
      'EXPOSE 3000',
      'CMD npm start',
      '',
    ].join('\n'));
  });

  it('splits a Go build onto distroless, static when CGO is off', () => {
    const { dockerfile } = assertFixRoundTrip('FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\nEXPOSE 8080\nENTRYPOINT ["/out/app"]\n', RULE);
    assert.strictEqual(dockerfile, 'FROM golang:1.22 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n\nFROM gcr.io/distroless/static-debian12:nonroot\nWORKDIR /src\nCOPY --from=build /out/app /out/app\nEXPOSE 8080\nENTRYPOINT ["/out/app"]\n');
  });

  it('reports without a fix when the output cannot be determined', () => {
    const [finding] = lintFixture('FROM golang:1.22\nCOPY . .\nRUN go build ./...\nCMD ["app"]\n').filter((f) => f.rule === RULE);
    assert.deepStrictEqual(finding.fixes, []);
    const [maven] = lintFixture('FROM maven:3-eclipse-temurin-21\nCOPY . .\nRUN mvn package\nCMD ["java", "-jar", "target/app.jar"]\n').filter((f) => f.rule === RULE);
    assert.ok(maven);
  });

  it('is quiet for multi-stage builds, stages that do not run, and stages that only install', () => {
    assertQuiet('FROM node:20 AS build\nRUN npm run build\nFROM node:20-slim\nCOPY --from=build /app/dist ./dist\nCMD ["node", "dist/a.js"]\n', RULE);
    assertQuiet('FROM node:20\nRUN npm run build\n', RULE);
    assertQuiet('FROM node:20\nRUN npm ci\nCMD ["node", "a.js"]\n', RULE);
  });
});
