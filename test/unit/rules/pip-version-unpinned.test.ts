import * as assert from 'assert';
import { assertFires, assertQuiet, initEngine, type Fixture } from '../helpers';

const RULE = 'pip-version-unpinned';
const on = (dockerfile: string): Fixture => ({ dockerfile, config: { rules: { [RULE]: 'information' } } });

describe(RULE, () => {
  before(initEngine);

  it('is off by default', () => {
    assertQuiet('FROM python:3.12\nRUN pip install flask\n', RULE);
  });

  it('fires on unpinned packages of pip, pip3, python -m pip and pipx, at the package words', () => {
    const [finding] = assertFires(on('FROM python:3.12\nRUN pip install --no-cache-dir flask requests==2.32.3\n'), RULE, 1);
    assert.deepStrictEqual(finding.range, { start: { line: 1, character: 31 }, end: { line: 1, character: 36 } });
    assert.deepStrictEqual(finding.equivalents, ['DL3013']);
    assertFires(on('FROM python:3.12\nRUN python3 -m pip install flask\n'), RULE, 1);
    assertFires(on('FROM python:3.12\nRUN pipx install black\n'), RULE, 1);
    assertFires(on('FROM python:3.12\nRUN pip install git+https://github.com/a/b.git#egg=b\n'), RULE, 1);
    assertFires(on('FROM python:3.12\nONBUILD RUN pip install flask\n'), RULE, 1);
  });

  it('is quiet for pins, requirement and constraint files, local paths, versioned VCS urls and variables', () => {
    for (const install of ['flask==3.0.3', "'flask>=3'", '-r requirements.txt', '--requirement=req.txt', 'flask -c constraints.txt', '.', './pkg', 'dist/app.whl',
      'git+https://github.com/a/b.git@v1.2#egg=b', '"$PACKAGES"', '--index-url https://x/simple flask==1', '-e .']) {
      assertQuiet(on(`FROM python:3.12\nRUN pip install ${install}\n`), RULE);
    }
    assertQuiet(on('FROM python:3.12\nRUN pipenv install black\n'), RULE);
  });

  it('ignores pip in quotes, comments and heredocs handed to another program', () => {
    assertQuiet(on('FROM python:3.12\nRUN echo "pip install flask" # pip install x\n'), RULE);
    assertQuiet(on('FROM python:3.12\nRUN cat <<EOF > /setup.sh\npip install flask\nEOF\n'), RULE);
    assertFires(on('FROM python:3.12\nRUN <<EOF\npip install flask\nEOF\n'), RULE, 1);
  });
});
