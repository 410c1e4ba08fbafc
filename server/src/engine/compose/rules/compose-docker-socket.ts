import { securityRule, bindSources } from './security-support';

/** Mounting the Docker socket lets the container start a privileged container on the host. */
export const composeDockerSocket = securityRule('compose-docker-socket', 'Do not mount the Docker socket', 'warning', true, (service, at) =>
  bindSources(service).filter((b) => /docker\.sock$/.test(b.source)).map((b) => ({
    range: at(['volumes', b.index]),
    message: `Service \`${service.name}\` mounts the Docker socket: anything in the container can start a privileged container and own the host. If it only reads events, use a socket proxy that allows read-only API calls.`,
  })));
