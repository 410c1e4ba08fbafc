import type { DockerfileRule } from '../../rule';
import { shellFormCmd } from './shell-form-cmd';

/** Every Dockerfile rule, one module each, named by its id. */
export const dockerfileRules: DockerfileRule[] = [shellFormCmd];
