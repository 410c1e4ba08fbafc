import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRuleMetas } from '../../server/src/engine/engine';
import { withTable } from '../../scripts/gen-docs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('documentation', () => {
  it('has a page for every rule, titled with its id', () => {
    for (const meta of [...allRuleMetas, { id: 'parse-error' }, { id: 'read-error' }]) {
      const page = path.join(ROOT, 'docs', 'rules', `${meta.id}.md`);
      assert.ok(fs.existsSync(page), `docs/rules/${meta.id}.md is missing`);
      assert.match(fs.readFileSync(page, 'utf8'), new RegExp(`^# ${meta.id}\\n`));
    }
  });

  it('keeps the README rule table in step with the rule metadata (run `npm run docs`)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.strictEqual(withTable(readme), readme);
  });
});
