/** A configuration problem; `path` is the dotted key (e.g. `influxdb.url`) so the message can name it. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      problems
        .map(
          (p) =>
            `config error at ${p.path || '(root)'}${p.origin ? ` (from ${p.origin})` : ''}: ${p.message}`,
        )
        .join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface ConfigProblem {
  path: string;
  message: string;
  /** Where the value came from: the file, or the environment variable that set it. */
  origin?: string;
}
