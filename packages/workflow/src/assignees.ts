import type { AssigneeRule } from '@formboard/schema';
import type { Store } from '@formboard/storage';
import type { RunContext } from './runScope.ts';

function usersIn(value: unknown): string[] {
  if (typeof value === 'string' && value !== '') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return [];
}

// The topmost supervisor when the chain is shorter than asked (as the schema documents).
async function supervisor(store: Store, userId: string, levels: number): Promise<string | undefined> {
  for (let up = levels; up >= 1; up--) {
    const found = await store.people.supervisorOf(userId, up).catch(() => undefined);
    if (found) return found.id;
  }
  return undefined;
}

/** The user ids an assignee list names for a run, without duplicates, in rule order. */
export async function resolveAssignees(
  store: Store,
  rules: readonly AssigneeRule[],
  context: RunContext,
): Promise<string[]> {
  const ids: string[] = [];
  for (const rule of rules) {
    switch (rule.type) {
      case 'user':
        ids.push(rule.id);
        break;
      case 'field':
        ids.push(...usersIn(context.data[rule.path]));
        break;
      case 'submitter':
        ids.push(...usersIn(context.createdBy));
        break;
      case 'role':
        ids.push(
          ...(await store.people.users())
            .filter((u) => !u.disabled && (u.roles as readonly string[]).includes(rule.role))
            .map((u) => u.id),
        );
        break;
      case 'supervisor': {
        const of = rule.of === 'submitter' ? usersIn(context.createdBy) : usersIn(context.data[rule.of]);
        for (const userId of of) {
          const found = await supervisor(store, userId, rule.levels ?? 1);
          if (found) ids.push(found);
        }
        break;
      }
    }
  }
  return [...new Set(ids)];
}
