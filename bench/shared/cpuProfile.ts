// Chromium's CPU profile (CDP Profiler.stop) as the profiling scripts read it, and where a sampled
// frame's time goes: the browser's own work, or a function of a module of the bundle.

/** A node of the profile's call tree. */
export interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
  readonly children?: readonly number[];
}

/** A CPU profile: the call tree, and which node each sample landed in after how long. */
export interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/**
 * Where a frame's time goes: garbage collection, the browser's own work (style, layout, paint,
 * input), idle, browser built-ins, else the module `modules` names for its function (top-level
 * functions of an unminified bundle), else "other".
 */
export function originOf(node: ProfileNode, modules: ReadonlyMap<string, string>): string {
  const { functionName, url } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(program)') return 'browser (program: style, layout, paint, input)';
  if (functionName === '(idle)' || functionName === '(root)') return 'idle';
  if (url === '') return 'browser built-ins';
  return modules.get(functionName) ?? 'other';
}
