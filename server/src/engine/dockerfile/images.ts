/** What the engine knows about base images: references, official images, OS flavours, variants. */

export interface ImageRef {
  /** As written after FROM (may contain `$VARS`). */
  raw: string;
  /** With ARG defaults substituted; undefined when a variable has no default. */
  resolved?: string;
  registry?: string;
  /** Repository path without registry, e.g. `library/node` is given as `node`. */
  repository?: string;
  tag?: string;
  digest?: string;
  isScratch: boolean;
}

export function parseImageRef(raw: string, resolved: string | undefined): ImageRef {
  const ref: ImageRef = { raw, resolved, isScratch: false };
  if (resolved === undefined || resolved === '') return ref;
  let rest = resolved;
  const at = rest.indexOf('@');
  if (at >= 0) {
    ref.digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    ref.registry = first;
    rest = rest.slice(slash + 1);
  }
  const colon = rest.lastIndexOf(':');
  if (colon >= 0 && !rest.slice(colon).includes('/')) {
    ref.tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  ref.repository = rest.toLowerCase().replace(/^library\//, '');
  if (ref.registry === 'docker.io' || ref.registry === 'index.docker.io' || ref.registry === 'registry-1.docker.io') {
    ref.registry = undefined;
  }
  ref.isScratch = ref.repository === 'scratch' && !ref.registry;
  return ref;
}

/** The Docker Hub official image name (`node`), or undefined for any other image. */
export function officialName(ref: ImageRef): string | undefined {
  if (ref.registry || !ref.repository || ref.repository.includes('/')) return undefined;
  return ref.repository;
}

export type OsFlavour = 'alpine' | 'debian' | 'rhel' | 'distroless' | 'scratch' | 'windows' | 'busybox' | 'unknown';

const DEBIAN_CODENAMES = ['bookworm', 'bullseye', 'buster', 'stretch', 'trixie', 'jessie', 'sid'];
const UBUNTU_CODENAMES = ['noble', 'jammy', 'focal', 'bionic', 'xenial', 'oracular', 'plucky', 'questing'];
/** Official images whose default variant is Debian-based. */
const DEBIAN_DEFAULT_OFFICIAL = new Set([
  'node', 'python', 'ruby', 'golang', 'rust', 'php', 'perl', 'openjdk', 'eclipse-temurin', 'maven', 'gradle',
  'debian', 'ubuntu', 'buildpack-deps', 'httpd', 'nginx', 'postgres', 'redis', 'mysql', 'mariadb', 'mongo',
  'elixir', 'erlang', 'haskell', 'julia', 'r-base', 'gcc', 'swift', 'clojure', 'groovy', 'tomcat', 'jetty',
  'wordpress', 'drupal', 'ghost', 'redmine', 'rabbitmq', 'elasticsearch', 'memcached', 'haproxy', 'traefik',
]);

/** Asked by several rules about the same image: found once per reference object. */
export function osFlavour(ref: ImageRef): OsFlavour {
  let flavour = flavours.get(ref);
  if (flavour === undefined) flavours.set(ref, (flavour = findOsFlavour(ref)));
  return flavour;
}

const flavours = new WeakMap<ImageRef, OsFlavour>();

function findOsFlavour(ref: ImageRef): OsFlavour {
  if (ref.isScratch) return 'scratch';
  const repo = ref.repository ?? '';
  const tag = (ref.tag ?? '').toLowerCase();
  const whole = `${ref.registry ?? ''}/${repo}:${tag}`;
  if (/distroless|chainguard|cgr\.dev/.test(whole)) return 'distroless';
  if (/windows|nanoserver|servercore|ltsc\d{4}|dotnet\/framework|dotnet-framework/.test(whole)) return 'windows';
  if (repo === 'alpine' || /(^|[-.])alpine/.test(tag) || repo.endsWith('/alpine')) return 'alpine';
  if (repo === 'busybox') return 'busybox';
  if (/(^|\/)(centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|ubi\d*(-minimal)?|ubi-minimal)$/.test(repo)
    || /ubi\d|redhat|rhel/.test(whole)) return 'rhel';
  if (repo === 'debian' || repo === 'ubuntu') return 'debian';
  if (DEBIAN_CODENAMES.some((c) => tag.includes(c)) || UBUNTU_CODENAMES.some((c) => tag.includes(c))) return 'debian';
  const official = officialName(ref);
  if (official && DEBIAN_DEFAULT_OFFICIAL.has(official)) return 'debian';
  return 'unknown';
}

/** The user an image runs as by default, when it is known not to be root. */
export function defaultNonRootUser(ref: ImageRef): string | undefined {
  const whole = `${ref.registry ?? ''}/${ref.repository ?? ''}:${ref.tag ?? ''}`.toLowerCase();
  if (/distroless/.test(whole) && /nonroot/.test(ref.tag ?? '')) return 'nonroot';
  if (/cgr\.dev\/chainguard\//.test(whole) && !/-dev$/.test(ref.tag ?? '')) return 'nonroot';
  if (/^(docker\.io)?\/?bitnami\//.test(whole) || (ref.repository ?? '').startsWith('bitnami/')) return '1001';
  return undefined;
}

/** A user that exists in the image and is not root, which `USER` can switch to without creating one. */
export function builtInAppUser(ref: ImageRef): string | undefined {
  const official = officialName(ref);
  const repo = ref.repository ?? '';
  if (official === 'node') return 'node';
  if (/distroless/.test(`${ref.registry ?? ''}/${repo}`)) return 'nonroot';
  return undefined;
}

/**
 * Official images with lean variants: the slim tag (preferred) and alpine tag for a given full tag.
 * Returns undefined when the image or tag has no such variant or is already lean.
 */
export function leanVariants(ref: ImageRef): { slim?: string; alpine?: string } | undefined {
  const official = officialName(ref);
  if (!official || ref.digest) return undefined;
  const family = LEAN_FAMILIES[official];
  if (!family) return undefined;
  const tag = ref.tag ?? 'latest';
  if (/slim|alpine|windows|nanoserver|servercore|onbuild|jre|jdk-slim/.test(tag)) return undefined;
  const codename = DEBIAN_CODENAMES.find((c) => tag === c || tag.endsWith(`-${c}`));
  const version = codename ? tag.slice(0, Math.max(0, tag.length - codename.length - 1)) : tag;
  if (!/^[0-9a-z.]*$/.test(version)) return undefined;
  const join = (...parts: string[]) => parts.filter((p) => p && p !== 'latest').join('-') || 'latest';
  const result: { slim?: string; alpine?: string } = {};
  if (family.slim) {
    const slimTag = codename
      ? family.slimAfterCodename ? join(version, codename, 'slim') : join(version, 'slim', codename)
      : join(version, 'slim');
    result.slim = slimTag === 'latest' ? 'slim' : slimTag;
  }
  if (family.alpine && !codename) result.alpine = version === 'latest' ? 'alpine' : join(version, 'alpine');
  return result.slim || result.alpine ? result : undefined;
}

/** For each official image with lean variants: how its slim tag is spelt with a Debian codename. */
const LEAN_FAMILIES: Record<string, { slim: boolean; alpine: boolean; slimAfterCodename?: boolean }> = {
  node: { slim: true, alpine: true, slimAfterCodename: true },
  python: { slim: true, alpine: true },
  ruby: { slim: true, alpine: true },
  perl: { slim: true, alpine: false },
  openjdk: { slim: true, alpine: false },
  golang: { slim: false, alpine: true },
  rust: { slim: true, alpine: true },
  elixir: { slim: true, alpine: true },
  erlang: { slim: true, alpine: true },
};

export function imageLabel(ref: ImageRef): string {
  return ref.resolved ?? ref.raw;
}
