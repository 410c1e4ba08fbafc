import { securityRule, bindSources } from './security-support';

const SENSITIVE = /^\/(etc|proc|sys|boot|dev|root|var\/lib\/docker|var\/run|run|usr|bin|sbin|lib)?\/?$/;

/** Bind-mounting `/`, `/etc`, `/proc`, `/sys`, `/root`… exposes (and often lets the container change) the host itself. */
export const composeSensitiveMount = securityRule('compose-sensitive-mount', 'Do not mount sensitive host paths', 'warning', true, (service, at) =>
  bindSources(service).filter((b) => SENSITIVE.test(b.source) && !/docker\.sock$/.test(b.source)).map((b) => ({
    range: at(['volumes', b.index]),
    message: `Service \`${service.name}\` mounts the host's \`${b.source}\`: the container can read${readOnly((service.value.volumes as unknown[])[b.index]) ? '' : ' and change'} the host system. Mount only the files it needs, read-only (\`:ro\`).`,
  })));

function readOnly(volume: unknown): boolean {
  if (typeof volume === 'string') return /:ro(,|$)/.test(volume.split(':').slice(2).join(':') ? `:${volume.split(':').slice(2).join(':')}` : '');
  return typeof volume === 'object' && volume !== null && (volume as { read_only?: unknown }).read_only === true;
}
