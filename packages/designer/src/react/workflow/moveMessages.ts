import type { Locale } from '@formboard/formula';

/** What the workflow designer says about where a moved step card goes, in zh-CN and en. */
export interface StepMoveMessages {
  readonly placeStart: string;
  /** The start of a branch card's arm: "“金额判断”的分支 2 开头". */
  readonly placeArm: (arm: string, branch: string) => string;
  readonly placeAfter: (title: string) => string;
  /** After a branch card: where its arms meet again. */
  readonly placeAfterBranch: (title: string) => string;
  /** Said after a place inside an arm: which arm. */
  readonly inArm: (arm: string, branch: string) => string;
  /** A keyboard move's place as it changes. */
  readonly stepOver: (title: string, where: string) => string;
  /** After a drop: where the card is now. */
  readonly stepNowAt: (where: string) => string;
  readonly noArmThere: (direction: 'left' | 'right') => string;
}

const ZH: StepMoveMessages = {
  placeStart: '流程开头',
  placeArm: (arm, branch) => `“${branch}”的${arm}开头`,
  placeAfter: (title) => `“${title}”之后`,
  placeAfterBranch: (title) => `“${title}”各分支汇合之后`,
  inArm: (arm, branch) => `（在“${branch}”的${arm}中）`,
  stepOver: (title, where) => `“${title}”将放在${where}。`,
  stepNowAt: (where) => `现在位于${where}。`,
  noArmThere: (direction) => `${direction === 'left' ? '左' : '右'}边没有其他分支。`,
};

const EN: StepMoveMessages = {
  placeStart: 'at the start of the flow',
  placeArm: (arm, branch) => `at the start of ${arm} of “${branch}”`,
  placeAfter: (title) => `after “${title}”`,
  placeAfterBranch: (title) => `after “${title}”, where its branches meet`,
  inArm: (arm, branch) => ` (in ${arm} of “${branch}”)`,
  stepOver: (title, where) => `“${title}” would go ${where}.`,
  stepNowAt: (where) => `It is now ${where}.`,
  noArmThere: (direction) => `There is no other branch to the ${direction}.`,
};

/** The move messages in a locale. */
export function stepMoveMessages(locale: Locale): StepMoveMessages {
  return locale === 'en' ? EN : ZH;
}
