import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Platform } from './context.ts';

/** A domain module's HTTP plugin, registered under /api/v1 with the platform handed in. */
export type ModulePlugin = FastifyPluginAsyncTypebox<{ platform: Platform }>;
