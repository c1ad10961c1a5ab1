import { addDays, monthOf } from './calendar.ts';
import { countFor, type MonthlyCounts } from './counts.ts';
import type { Draft } from './forms.ts';
import type { Org, Person } from './org.ts';
import type { Random } from './random.ts';
import {
  FEEDBACK_NEXT,
  GOOD_BEHAVIOURS,
  GOOD_IMPACTS,
  IMPROVE_BEHAVIOURS,
  IMPROVE_IMPACTS,
  SITUATIONS,
} from './texts.ts';

/** The sample's feedback and who gave and received how much each month. */
export interface FeedbackData {
  readonly drafts: Draft[];
  readonly given: MonthlyCounts;
  readonly received: MonthlyCounts;
}

const RATE: Readonly<Record<Person['level'], number>> = {
  ceo: 1.2,
  gm: 1.4,
  head: 1.6,
  lead: 1.6,
  staff: 1.1,
  operator: 0.5,
};

/**
 * SBI feedback from `from` to `to` (inclusive dates): managers give most, operators least; a
 * receiver is usually a teammate, else the supervisor, a report or someone in the same business unit.
 */
export function generateFeedback(
  org: Org,
  krsByOwner: ReadonlyMap<string, readonly string[]>,
  [from, to]: readonly [string, string],
  random: Random,
): FeedbackData {
  const drafts: Draft[] = [];
  const given: MonthlyCounts = new Map();
  const received: MonthlyCounts = new Map();
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  for (const giver of org.people) {
    const count = Math.round(RATE[giver.level] * (days / 30) * random.between(0.3, 1.7) * giver.diligence);
    for (let i = 0; i < count; i++) {
      const receiver = receiverFor(org, giver, random);
      if (!receiver) continue;
      const date = addDays(from, random.int(0, days - 1));
      const roll = random.next();
      const kind = roll < 0.65 ? 'recognition' : roll < 0.87 ? 'developmental' : 'requested';
      const improve = kind === 'developmental' || (kind === 'requested' && random.chance(0.5));
      const visibility =
        kind === 'recognition'
          ? random.pick(['public', 'public', 'withManager', 'withManager', 'private'])
          : random.pick(['private', 'withManager']);
      const receiverKrs = krsByOwner.get(receiver.id) ?? [];
      drafts.push({
        key: `fb-${String(drafts.length + 1).padStart(4, '0')}`,
        values: {
          giver: giver.id,
          receiver: receiver.id,
          kind,
          date,
          situation: random.pick(SITUATIONS),
          behavior: random.pick(improve ? IMPROVE_BEHAVIOURS : GOOD_BEHAVIOURS),
          impact: random.pick(improve ? IMPROVE_IMPACTS : GOOD_IMPACTS),
          ...(kind !== 'recognition' ? { nextStep: random.pick(FEEDBACK_NEXT) } : {}),
          ...(receiverKrs.length > 0 && random.chance(0.3) ? { keyResult: random.pick(receiverKrs) } : {}),
          visibility,
        },
      });
      countFor(given, giver.id, monthOf(date));
      countFor(received, receiver.id, monthOf(date));
    }
  }
  return { drafts, given, received };
}

function receiverFor(org: Org, giver: Person, random: Random): Person | undefined {
  const roll = random.next();
  const pool =
    roll < 0.5
      ? org.people.filter((p) => p.unit === giver.unit)
      : roll < 0.75
        ? org.people.filter((p) => p === giver.supervisor || p.supervisor === giver)
        : org.people.filter((p) => p.unit.bu === giver.unit.bu);
  const others = pool.filter((p) => p !== giver);
  return others.length > 0 ? random.pick(others) : undefined;
}
