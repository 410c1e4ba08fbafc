import type { ComposeRule } from '../../rule';
import { composeSchema } from './compose-schema';

/** Every Compose rule, one module each, named by its id. */
export const composeRules: ComposeRule[] = [composeSchema];
