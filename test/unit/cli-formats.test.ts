import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import type { Finding } from '../../server/src/engine/finding';
import { docsUrl } from '../../server/src/engine/finding';
import type { FileReport } from '../../server/src/cli/report';
import { formatGithub, escapeData, escapeProperty } from '../../server/src/cli/format-github';
import { formatCheckstyle } from '../../server/src/cli/format-checkstyle';
import { formatJunit } from '../../server/src/cli/format-junit';
import { formatSarif } from '../../server/src/cli/format-sarif';
import { folder, requireCli, run } from './cli/run';

const SCHEMA_FILE = path.resolve(__dirname, '..', '..', '..', 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/**
 * The official SARIF 2.1.0 schema (draft-04) for Ajv's draft-07 validator: the two keywords that
 * changed name are mapped (`id` → `$id` at the top; no `$schema`), the formats it uses checked.
 */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8'));
  assert.match(schema.$schema, /draft-04/);
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  const compiled = ajv.compile(schema);
  /** The schema violations of `data`: empty when it validates. */
  return (data: unknown): string[] => (compiled(data) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

function finding(rule: string, severity: Finding['severity'], message: string, line: number, character: number, end = character + 3): Finding {
  return {
    rule,
    severity,
    message,
    range: { start: { line, character }, end: { line, character: end } },
    equivalents: ['DL3025'],
    docs: docsUrl(rule),
    fixes: [],
  };
}

/** A fixed set of findings with the characters each format must escape. */
const REPORTS: FileReport[] = [
  {
    path: 'svc, a/Dockerfile',
    kind: 'dockerfile',
    findings: [
      finding('shell-form-cmd', 'warning', 'Use exec form: CMD ["a", "b"] & <not> 100%\nsecond line', 3, 0),
      finding('no-root-user', 'error', "It's root: add USER", 0, 0, 9),
    ],
  },
  { path: 'compose.yaml', kind: 'compose', findings: [finding('compose-unpinned-image', 'information', 'Pin `nginx`: a:b', 2, 11)] },
  { path: 'clean/Dockerfile', kind: 'dockerfile', findings: [] },
];

describe('CLI output formats', function () {
  this.timeout(20000);

  it('github: one workflow command per finding, data and properties escaped as the toolkit does', () => {
    assert.strictEqual(escapeData('100%\r\nx'), '100%25%0D%0Ax');
    assert.strictEqual(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
    assert.strictEqual(
      formatGithub(REPORTS),
      [
        '::warning file=svc%2C a/Dockerfile,line=4,col=1,endLine=4,endColumn=4,title=dockhand shell-form-cmd::Use exec form: CMD ["a", "b"] & <not> 100%25%0Asecond line (shell-form-cmd: https://github.com/dockhand-dev/dockhand/blob/main/docs/rules/shell-form-cmd.md)',
        "::error file=svc%2C a/Dockerfile,line=1,col=1,endLine=1,endColumn=10,title=dockhand no-root-user::It's root: add USER (no-root-user: https://github.com/dockhand-dev/dockhand/blob/main/docs/rules/no-root-user.md)",
        '::notice file=compose.yaml,line=3,col=12,endLine=3,endColumn=15,title=dockhand compose-unpinned-image::Pin `nginx`: a:b (compose-unpinned-image: https://github.com/dockhand-dev/dockhand/blob/main/docs/rules/compose-unpinned-image.md)',
      ].join('\n'),
    );
  });

  it('checkstyle: XML with every attribute escaped, 1-based positions', () => {
    assert.strictEqual(
      formatCheckstyle(REPORTS),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<checkstyle version="4.3">',
        '  <file name="svc, a/Dockerfile">',
        '    <error line="4" column="1" severity="warning" message="Use exec form: CMD [&quot;a&quot;, &quot;b&quot;] &amp; &lt;not&gt; 100%&#10;second line" source="dockhand.shell-form-cmd"/>',
        '    <error line="1" column="1" severity="error" message="It&apos;s root: add USER" source="dockhand.no-root-user"/>',
        '  </file>',
        '  <file name="compose.yaml">',
        '    <error line="3" column="12" severity="info" message="Pin `nginx`: a:b" source="dockhand.compose-unpinned-image"/>',
        '  </file>',
        '  <file name="clean/Dockerfile">',
        '  </file>',
        '</checkstyle>',
      ].join('\n'),
    );
  });

  it('junit: a suite per file, a failing case per finding, a passing case for a clean file', () => {
    assert.strictEqual(
      formatJunit(REPORTS),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="dockhand" tests="4" failures="3" errors="0">',
        '  <testsuite name="svc, a/Dockerfile" tests="2" failures="2" errors="0">',
        '    <testcase name="shell-form-cmd at 4:1" classname="svc, a/Dockerfile">',
        '      <failure message="Use exec form: CMD [&quot;a&quot;, &quot;b&quot;] &amp; &lt;not&gt; 100%&#10;second line" type="warning">warning shell-form-cmd at svc, a/Dockerfile:4:1: Use exec form: CMD [&quot;a&quot;, &quot;b&quot;] &amp; &lt;not&gt; 100%&#10;second line</failure>',
        '    </testcase>',
        '    <testcase name="no-root-user at 1:1" classname="svc, a/Dockerfile">',
        '      <failure message="It&apos;s root: add USER" type="error">error no-root-user at svc, a/Dockerfile:1:1: It&apos;s root: add USER</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="compose.yaml" tests="1" failures="1" errors="0">',
        '    <testcase name="compose-unpinned-image at 3:12" classname="compose.yaml">',
        '      <failure message="Pin `nginx`: a:b" type="information">information compose-unpinned-image at compose.yaml:3:12: Pin `nginx`: a:b</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="clean/Dockerfile" tests="1" failures="0" errors="0">',
        '    <testcase name="dockhand" classname="clean/Dockerfile"/>',
        '  </testsuite>',
        '</testsuites>',
      ].join('\n'),
    );
  });

  it('XML output drops characters XML cannot carry', () => {
    const report: FileReport[] = [{ path: 'Dockerfile', kind: 'dockerfile', findings: [finding('r', 'error', 'bell\u0007 and\u0000 nul', 0, 0)] }];
    assert.match(formatCheckstyle(report), /message="bell and nul"/);
    assert.match(formatJunit(report), /message="bell and nul"/);
  });

  it('sarif: the in-process log validates against the schema, and the validator rejects a broken one', () => {
    const validate = sarifValidator();
    const log: any = JSON.parse(formatSarif(REPORTS, { version: '1.2.3', rules: [] }));
    assert.deepStrictEqual(validate(log), []);
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.ok(validate(log).some((e) => e.includes('startLine')), 'a 0-based line must not validate');
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 1;
    delete log.runs[0].tool.driver.name;
    assert.ok(validate(log).some((e) => e.includes('name')), 'a driver without a name must not validate');
  });

  describe('through the CLI', () => {
    before(requireCli);

    it('sarif: real output with rules, help links, 1-based regions and fixes validates against the SARIF 2.1.0 schema', () => {
      const dir = folder({
        'app/Dockerfile': 'FROM node:20\nCOPY . .\nRUN npm install\nCMD node server.js\n',
        'compose.yaml': 'version: "3"\nservices:\n  web:\n    image: nginx\n    ports:\n      - 80:80\n',
        'bad/Dockerfile': 'FROMM node\n',
      });
      const { code, stdout } = run(['lint', '.', '--format', 'sarif', '--enable-all'], dir);
      assert.strictEqual(code, 1);
      const log: any = JSON.parse(stdout);
      const validate = sarifValidator();
      assert.deepStrictEqual(validate(log), []);
      const sarifRun = log.runs[0];
      assert.strictEqual(sarifRun.tool.driver.name, 'dockhand');
      const rules = sarifRun.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      const noRoot = rules.find((r) => r.id === 'no-root-user')!;
      assert.strictEqual(noRoot.helpUri, 'https://github.com/dockhand-dev/dockhand/blob/main/docs/rules/no-root-user.md');
      assert.strictEqual(noRoot.shortDescription.text, 'The final stage should not run as root');
      assert.strictEqual(noRoot.defaultConfiguration.level, 'warning');
      const cmd = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'shell-form-cmd');
      assert.strictEqual(rules[cmd.ruleIndex].id, 'shell-form-cmd');
      assert.deepStrictEqual(cmd.locations[0].physicalLocation, {
        artifactLocation: { uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' },
        region: { startLine: 4, startColumn: 1, endLine: 4, endColumn: 4 },
      });
      assert.strictEqual(cmd.level, 'warning');
      assert.ok(cmd.fixes.length > 0 && cmd.fixes[0].artifactChanges[0].replacements.length > 0);
      assert.ok(sarifRun.results.some((r: { ruleId: string; level: string }) => r.ruleId === 'parse-error' && r.level === 'error'));
      const created = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'missing-dockerignore');
      assert.strictEqual(created.fixes[0].artifactChanges[0].artifactLocation.uri, 'app/.dockerignore');
    });

    it('github, checkstyle and junit: well-formed output for a real folder', () => {
      const dir = folder({ Dockerfile: 'FROM node:20-slim\nCMD node a.js\n' });
      const github = run(['lint', '--format', 'github'], dir);
      assert.match(github.stdout, /^::warning file=Dockerfile,line=2,col=1,endLine=2,endColumn=4,title=dockhand shell-form-cmd::CMD uses shell form/m);
      assert.ok(github.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('::')));
      const checkstyle = run(['lint', '--format', 'checkstyle'], dir).stdout;
      assert.match(checkstyle, /<error line="2" column="1" severity="warning" message="CMD uses shell form[^"]*" source="dockhand.shell-form-cmd"\/>/);
      const junit = run(['lint', '--format', 'junit'], dir).stdout;
      assert.match(junit, /<testcase name="shell-form-cmd at 2:1" classname="Dockerfile">/);
      const clean = run(['lint', '--format', 'github', '--quiet'], dir);
      assert.strictEqual(clean.stdout, '');
    });
  });
});
