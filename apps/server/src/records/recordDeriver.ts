import { compileRecordDeriver } from '@formboard/form-runtime/headless';
import { DEFAULT_TIME_ZONE } from '@formboard/schema';
import type { RecordDeriver } from '@formboard/storage';

/**
 * What the server's store derives in every record it writes (API, imports, connectors, workflow
 * steps, sample data): the form's computed fields, by the browser's own engine
 * (@formboard/form-runtime's headless `compileRecordDeriver`, compiled once per form version by the
 * store), and fields hidden by a `visible` rule left out. Formulas see the writer as `$user.id`, the
 * record's id and times as `$record.*`, and the write's time as `$today`/`$now`, in Asia/Shanghai.
 */
export const recordDeriver: RecordDeriver = (form) => {
  const derive = compileRecordDeriver(form);
  return (data, write) =>
    derive(data, {
      user: { id: write.actor },
      record: { id: write.recordId, createdAt: write.createdAt, updatedAt: write.updatedAt },
      now: Date.parse(write.updatedAt),
      timeZone: DEFAULT_TIME_ZONE,
    });
};
