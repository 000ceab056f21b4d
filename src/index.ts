// The shared core's public surface: model -> providers -> metrics (DESIGN.md §2).
export * from './model/index.js';
export * from './providers/index.js';
export * from './metrics/index.js';
