// The shared core's public surface: model -> providers -> metrics (DESIGN.md §2).
// The simulator (src/simulator) is not re-exported here: its carnotCop(condensingC, evaporatingC)
// would clash with the metrics' carnotCop({ condensingC, evaporatingC }); import it from
// './simulator/index.js'.
export * from './model/index.js';
export * from './providers/index.js';
export * from './metrics/index.js';
