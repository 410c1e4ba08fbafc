import { assertFires, assertQuiet, initEngine } from '../helpers';

const RULE = 'superfluous-label';
const strict = (dockerfile: string, strictLabels = true) => ({ dockerfile, config: { labelSchema: { required: 'text' }, strictLabels } });

describe(RULE, () => {
  before(initEngine);

  it('fires on labels outside the schema when strict-labels is on', () => {
    assertFires(strict('FROM debian:12\nLABEL required="foo" other="bar"\n'), RULE, 1);
  });

  it('is quiet for schema labels, and when strict-labels is off', () => {
    assertQuiet(strict('FROM debian:12\nLABEL required="foo"\n'), RULE);
    assertQuiet(strict('FROM debian:12\nLABEL other="bar"\n', false), RULE);
  });
});
