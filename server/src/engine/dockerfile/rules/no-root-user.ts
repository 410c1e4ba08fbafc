import type { Instruction } from 'dockerfile-ast';
import type { DockerfileRule } from '../../rule';
import { finalStage, rootImage } from '../model';
import { builtInAppUser, defaultNonRootUser, officialName, osFlavour } from '../images';
import { chainInstructionsOf, effectiveStart, runtimeInsertionPoint, someRunWord, startWords } from '../runtime';
import { insertLinesAfter, insertLinesBefore, selfChange } from '../edits';

/** Tools that start a process as another user: images that use them drop root at run time. */
const PRIVILEGE_DROPPERS = /^(gosu|su-exec|setpriv|runuser|chpst|s6-setuidgid|s6-applyuidgid|setuidgid)$/;
/** A part of every name above: a word without one is none of them (and no path to one). */
const PRIVILEGE_DROPPER_PART = /gosu|su-exec|setpriv|runuser|chpst|uidgid/;
/** Servers that start as root by design and drop to a worker user themselves, or supervise other processes. */
const SELF_DROPPING = /^(nginx|httpd|apache2|apache2-foreground|apache2ctl|php-fpm[\d.]*|sshd|postfix|dovecot|squid|named|unbound|supervisord|cron|crond|s6-svscan|runsvdir|\/init|init)$/;
/** Start commands of images meant to be built on or used interactively, not run as a service. */
const INTERACTIVE = /^(?:\/usr\/(?:local\/)?bin\/|\/bin\/)?(bash|sh|ash|zsh|python\d?(\.\d+)?|node|irb|ruby|php|jshell|iex|erl|ghci|pwsh|powershell(\.exe)?|cmd(\.exe)?|perl|R|julia|swift|scala|clojure|lein|groovysh|mysql|psql|mvn|gradle|sbt|ant|go|cargo|rustc|gcc|make|dotnet|java)$/;

/**
 * The final stage runs as root: a compromised app owns the container, and with it anything mounted
 * or shared with the host. Docker runs as root unless the image says otherwise.
 */
export const noRootUser: DockerfileRule = {
  meta: {
    id: 'no-root-user',
    kind: 'dockerfile',
    title: 'The final stage should not run as root',
    severity: 'warning',
    enabledByDefault: true,
    equivalents: ['DL3002', 'CKV_DOCKER_3', 'CKV_DOCKER_8', 'DS002', 'DS-0002'],
    fixable: true,
  },
  check({ model, build, report }) {
    const final = finalStage(model, build);
    if (!final) return;
    const root = rootImage(final);
    const flavour = osFlavour(root);
    if (flavour === 'windows') return;
    const users = chainInstructionsOf(final, 'USER');
    const last = users[users.length - 1];
    const lastName = last ? userName(last) : undefined;
    if (last && !isRoot(lastName)) return;
    if (!last && (defaultNonRootUser(root) || !knownToRunAsRoot(root))) return;

    const start = effectiveStart(final);
    const startCommand = startWords(start.entrypoint ?? start.cmd);
    // Images meant to be extended or used interactively, and images that drop privileges at run time.
    if (!last) {
      if (!start.cmd && !start.entrypoint) return;
      if (!start.cmd && /entrypoint/i.test(startCommand[0] ?? '')) return; // a wrapper waiting for the CMD of an image built on it
      const cmdWords = start.entrypoint ? startWords(start.cmd) : startCommand;
      if (start.cmd && isVersionProbe(cmdWords)) return;
      if (start.cmd && isInteractive(cmdWords) && (!start.entrypoint || /entrypoint/i.test(startCommand[0] ?? ''))) return;
      if (SELF_DROPPING.test(serverName(cmdWords) ?? '') || SELF_DROPPING.test(serverName(startCommand) ?? '')) return;
      if (/^(\/sbin\/init|\/lib\/systemd\/systemd|systemd)$/.test(startCommand[0] ?? '')) return;
      if (officialName(root) === 'docker' || /dind/.test(root.tag ?? '') || startCommand.some((w) => /dind|dockerd/.test(w))) return;
    }
    const dropsPrivileges = /^(su|chroot)$/.test(startCommand[0] ?? '') || startCommand.some(startsAsAnotherUser)
      || someRunWord(model, final, startsAsAnotherUser);
    if (dropsPrivileges) return;

    const fix = buildFix(model, final, root, users);
    const message = last
      ? `The last USER is \`${lastName}\`, so the app runs as root: a compromised process owns the container. Switch to a non-root user before CMD.`
      : 'No USER instruction: the app runs as root, so a compromised process owns the container. Add a non-root USER before CMD.';
    report({
      range: last ? last.getRange() : final.from.getRange(),
      message,
      fixes: fix ? [fix] : [],
    });
  },
};

/** `gosu app …`, `/sbin/su-exec`: a word naming a tool that runs its command as another user. */
function startsAsAnotherUser(word: string): boolean {
  return PRIVILEGE_DROPPER_PART.test(word) && (PRIVILEGE_DROPPERS.test(word.split('/').pop() ?? '') || /(^|\/)(gosu|su-exec)(\b|$)/.test(word));
}

/** `bash`, `python3`, `php -a`: a shell or REPL with no program to run. */
function isInteractive(words: readonly string[]): boolean {
  if (!INTERACTIVE.test(words[0] ?? '')) return false;
  return words.length === 1 || (words.length === 2 && words[1].startsWith('-'));
}

/** `ENTRYPOINT ["dotnet"]` + `CMD ["--info"]`: a runtime image that prints its version until something is built on it. */
function isVersionProbe(words: readonly string[]): boolean {
  return words.length > 0 && words.every((w) => /^--?(info|version|help)$/.test(w));
}

/** The program a start command runs (`/usr/sbin/nginx -g …` → `nginx`). */
function serverName(words: readonly string[]): string | undefined {
  return words[0]?.split('/').pop();
}

/**
 * Images that run as root unless told otherwise: Docker Hub's official images and distributions,
 * Microsoft's and Red Hat's registries, distroless without `:nonroot`, scratch. Any other image
 * may set its own USER, which this file cannot see.
 */
function knownToRunAsRoot(ref: ReturnType<typeof rootImage>): boolean {
  if (ref.isScratch || officialName(ref)) return true;
  const registry = ref.registry ?? '';
  const repository = ref.repository ?? '';
  // Google's distroless run as root unless tagged :nonroot; Microsoft's run as the non-root `app` user.
  if (/distroless/.test(`${registry}/${repository}:${ref.tag ?? ''}`)) return registry !== 'mcr.microsoft.com';
  if (/^(mcr\.microsoft\.com|registry\.access\.redhat\.com|registry\.redhat\.io)$/.test(registry)) return true;
  if (registry === 'public.ecr.aws' && repository.startsWith('docker/library/')) return true;
  return false;
}

function userName(instruction: Instruction): string {
  return (instruction.getArguments()[0]?.getValue() ?? '').split(':')[0];
}

function isRoot(name: string | undefined): boolean {
  return name === undefined || name === 'root' || name === '0';
}

function buildFix(model: Parameters<DockerfileRule['check']>[0]['model'], final: ReturnType<typeof finalStage> & object, root: ReturnType<typeof rootImage>, users: Instruction[]) {
  const flavour = osFlavour(root);
  const previous = [...users].reverse().map(userName).find((u) => !isRoot(u) && !u.includes('$'));
  let lines: string[];
  let title: string;
  const builtIn = builtInAppUser(root);
  if (previous) {
    lines = [`USER ${previous}`];
    title = `Switch back to \`${previous}\` before CMD`;
  } else if (builtIn) {
    lines = [`USER ${builtIn}`];
    title = `Run as the image's \`${builtIn}\` user`;
  } else if (flavour === 'scratch') {
    lines = ['USER 65534:65534'];
    title = 'Run as nobody (65534)';
  } else if (flavour === 'distroless') {
    lines = ['USER nonroot'];
    title = 'Run as `nonroot`';
  } else if (flavour === 'alpine' || flavour === 'busybox') {
    lines = ['RUN addgroup -S app && adduser -S -G app app', 'USER app'];
    title = 'Create an `app` user (adduser) and run as it';
  } else {
    lines = ['RUN groupadd --system app && useradd --system --gid app --no-create-home app', 'USER app'];
    title = 'Create an `app` system user (useradd) and run as it';
  }
  const at = runtimeInsertionPoint(final);
  const edit = at.before ? insertLinesBefore(model, at.before, lines) : insertLinesAfter(model, at.after!, lines);
  return { title, isPreferred: true, changes: [selfChange(model, [edit])] };
}
