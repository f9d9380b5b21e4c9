import type { AgentInfo, SessionConfigOption } from '../../src/protocol/index.js';

/** The model ids an agent reported in its `model` config option (groups flattened), in its order. */
export function selectAgentModels(agent: AgentInfo | undefined): string[] {
  const option = agent?.configOptions.find((candidate: SessionConfigOption) => candidate.id === 'model' || candidate.category === 'model');
  if (!option || option.type !== 'select') return [];
  return option.options.flatMap((entry) => ('group' in entry ? entry.options.map((inner) => inner.value) : [entry.value]));
}

/** Moves `list[index]` by `delta` places (for ordering the offered models); out of range is a no-op. */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
}
