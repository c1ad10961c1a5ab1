// Test helpers for the workflow engine (`@formboard/workflow/testing`): a fake clock, an outbound port
// that records what it was sent, and a store seeded with an org chart and the scorecard form.
export { FakeClock } from './FakeClock.ts';
export { RecordingOutbound } from './RecordingOutbound.ts';
export { fixture, openTestStore, openTestStorePair, publishWorkflow, scorecardValues } from './testStore.ts';
