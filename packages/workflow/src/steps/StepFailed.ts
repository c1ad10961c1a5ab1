import type { LocalizedMessage } from '@formboard/formula';

/** A step that cannot succeed by trying again (a bad formula, an invalid record): the run fails with it. */
export class StepFailed extends Error {
  constructor(readonly messages: LocalizedMessage) {
    super(messages.en);
    this.name = 'StepFailed';
  }
}
