/** The options of `effekt run`: shared with hashAhead, which finds the spec among the arguments before the CLI is loaded. */
export const RUN_OPTIONS = {
  out: { type: 'string' },
  lang: { type: 'string' },
  unsuppressed: { type: 'boolean' },
  pdf: { type: 'boolean' },
  seed: { type: 'string' },
  timings: { type: 'boolean' },
  threads: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
