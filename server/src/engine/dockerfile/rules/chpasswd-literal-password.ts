import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { pipedInto, scriptsOf, toolOf, valueOf } from '../shell-facts';
import { unwrap } from '../shell';

/**
 * `echo 'root:secret' | chpasswd` writes the password into the RUN line, which `docker history`
 * shows to anyone who can pull the image. Use key-based access, or set the password at runtime
 * from a secret (or `RUN --mount=type=secret`).
 */
export const chpasswdLiteralPassword: DockerfileRule = perRun({
  meta: {
    id: 'chpasswd-literal-password',
    kind: 'dockerfile',
    title: 'Do not set a literal password with chpasswd',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['CKV2_DOCKER_17'],
    fixable: false,
  },
  // The shell that reads the RUN (SHELL, reset by each FROM; the engine counts an ARG before the first FROM as FROM).
  reads: ['FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    for (const script of scriptsOf(model, site)) {
      const commands = script.commands;
      for (let i = 1; i < commands.length; i++) {
        const sink = unwrap(commands[i]);
        const isChpasswd = toolOf(sink) === 'chpasswd';
        const isPasswdStdin = toolOf(sink) === 'passwd' && sink.args.some((a) => valueOf(a) === '--stdin');
        if (!isChpasswd && !isPasswdStdin) continue;
        const source = unwrap(commands[i - 1]);
        if (!['echo', 'printf'].includes(toolOf(source)) || !pipedInto(script, commands[i - 1], commands[i])) continue;
        const literal = source.args.find((a) => {
          if (a.value === undefined) return /:[^$:\s"']+/.test(a.text) && isChpasswd; // `"$USER:secret"`: the secret part is literal
          return isChpasswd ? /^[^:\s]+:[^$\s]+/.test(a.value) : !a.value.startsWith('-');
        });
        if (!literal) continue;
        report({
          range: model.lines.rangeOf(literal.start, literal.end),
          message: 'A literal password in a RUN line stays readable in the image history (`docker history`). Do not bake passwords into images: use key-based access, or set it at runtime from a secret.',
        });
      }
    }
  },
});
