import type { DockerfileRule } from '../../rule';
import { perRun } from '../per-run';
import { isExecForm, scriptSyntax, scriptsOf, variablesBefore } from '../shell-facts';

/** Set by the shell, by Docker (proxy build arguments) or by nearly every base image. */
const KNOWN = new Set([
  'HOME', 'PATH', 'PWD', 'OLDPWD', 'HOSTNAME', 'USER', 'SHELL', 'TERM', 'IFS', 'PS1', 'PS2', 'PS4', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE',
  'LINENO', 'PPID', 'RANDOM', 'SECONDS', 'BASH_VERSION', 'BASH_SOURCE', 'BASHPID', 'PIPESTATUS', 'FUNCNAME', 'EUID', 'UID', 'HOSTTYPE', 'OSTYPE', 'MACHTYPE', 'EPOCHSECONDS', 'SRANDOM', 'OPTARG', 'OPTIND', 'SHLVL', 'TMPDIR', 'TZ', 'DEBIAN_FRONTEND', 'MAIL', 'LOGNAME',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
  // ENV of the official language images.
  'JAVA_HOME', 'JAVA_VERSION', 'GOPATH', 'GOROOT', 'GOLANG_VERSION', 'NODE_VERSION', 'YARN_VERSION', 'PYTHON_VERSION', 'PYTHON_SHA256',
  'PHP_INI_DIR', 'PHP_VERSION', 'RUBY_VERSION', 'RUBY_MAJOR', 'GEM_HOME', 'BUNDLE_APP_CONFIG', 'BUNDLE_SILENCE_ROOT_WARNING', 'CARGO_HOME',
  'RUSTUP_HOME', 'RUST_VERSION', 'CATALINA_HOME', 'MAVEN_HOME', 'MAVEN_CONFIG', 'GRADLE_HOME', 'GRADLE_VERSION', 'DOTNET_VERSION',
  'ASPNET_VERSION', 'NGINX_VERSION', 'PG_MAJOR', 'PG_VERSION', 'PGDATA', 'GPG_KEY', 'PIP_VERSION', 'LD_LIBRARY_PATH',
]);

/**
 * A RUN that expands a variable no ARG, ENV or earlier command of the script sets gets an empty
 * string: `rm -rf "$PREFIX/"` becomes `rm -rf /`. Usually a typo or a missing `ARG` in the stage
 * (ARGs declared before FROM are not visible in RUN unless declared again). Off by default: base
 * images set variables this file cannot see.
 */
export const undefinedVariableInRun: DockerfileRule = perRun({
  meta: {
    id: 'undefined-variable-in-run',
    kind: 'dockerfile',
    title: 'Variable used in RUN is never set',
    severity: 'information',
    enabledByDefault: false,
    equivalents: ['shellcheck', 'SC2154'],
    fixable: false,
  },
  // The ARG and ENV names of the stage chain before the RUN, the shell that reads it; a global ARG may name the image.
  reads: ['ARG', 'ENV', 'FROM', 'SHELL'],
  checkRun({ model, report }, site) {
    const defined = variablesBefore(model, site);
    for (const script of scriptsOf(model, site)) {
      if (script.shell !== 'sh' || isExecForm(model, site)) continue;
      const syntax = scriptSyntax(script.source);
      const seen = new Set<string>();
      for (const e of syntax.expansions) {
        if (e.guarded || seen.has(e.name) || /^\d/.test(e.name) || KNOWN.has(e.name) || defined.has(e.name) || syntax.assigned.has(e.name)) continue;
        seen.add(e.name);
        report({
          range: model.lines.rangeOf(script.start + e.start, script.start + e.end),
          message: `\`$${e.name}\` is not set by any ARG or ENV in this stage, nor earlier in this script, so it expands to an empty string. Declare it (\`ARG ${e.name}\`), fix its name, or give a default: \`\${${e.name}:-…}\`.`,
        });
      }
    }
  },
});
