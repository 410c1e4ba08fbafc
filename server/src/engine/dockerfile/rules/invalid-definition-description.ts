import type { DockerfileRule } from '../../rule';
import { keywordOf } from '../model';
import { propertiesOf } from '../build-args';
import { directiveBlockEnd } from '../suppress';

/**
 * BuildKit reads a comment right above `FROM … AS name` or `ARG name` as its description when it
 * starts with that name (`# name does …`). Experimental, off by default, like upstream.
 */
export const invalidDefinitionDescription: DockerfileRule = {
  meta: {
    id: 'invalid-definition-description',
    kind: 'dockerfile',
    title: 'Comments above a stage or ARG should start with its name',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['InvalidDefinitionDescription'],
    fixable: false,
  },
  check({ model, report }) {
    const top = directiveBlockEnd(model);
    for (const instruction of model.ast.getInstructions()) {
      const keyword = keywordOf(instruction);
      let name: string | undefined;
      if (keyword === 'FROM') name = (instruction as unknown as { getBuildStage(): string | null }).getBuildStage() ?? undefined;
      else if (keyword === 'ARG') {
        const properties = propertiesOf(instruction);
        if (properties.length === 1) name = properties[0].getName();
      }
      const above = instruction.getRange().start.line - 1;
      if (!name || above < top) continue;
      const comment = /^\s*#\s*(.*)$/.exec(model.lines.lineText(above));
      if (!comment || comment[1].trim() === '') continue;
      const first = comment[1].trim().split(/\s+/)[0];
      if (first === name) continue;
      const text = model.lines.lineText(above);
      report({
        range: { start: { line: above, character: 0 }, end: { line: above, character: text.length } },
        message: `A comment right above ${keyword} \`${name}\` is read as its description and should start with \`${name}\`: write \`# ${name} …\`, or leave an empty line between them.`,
      });
    }
  },
};
