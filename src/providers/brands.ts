import { generic } from './generic/index.js';
import { ivt } from './ivt/index.js';
import { nibe } from './nibe/index.js';
import { thermia } from './thermia/index.js';
import type { BrandProvider } from './types.js';

/**
 * Every known brand, in display order. Adding a brand = a folder with its registers, alarms and
 * provider object, plus one import line and one entry here; nothing else changes.
 */
export const BRAND_PROVIDERS: readonly BrandProvider[] = [thermia, ivt, nibe, generic];
