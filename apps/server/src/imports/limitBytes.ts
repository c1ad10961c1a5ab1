import { Transform } from 'node:stream';
import { ApiError } from '../http/ApiError.ts';

/** Passes a stream through until it exceeds `limit` bytes, then fails it with 413. */
export function limitBytes(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > limit)
        done(
          new ApiError(413, 'bodyTooLarge', {
            'zh-CN': `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限`,
            en: `the file is larger than the ${Math.round(limit / 1024 / 1024)} MB limit`,
          }),
        );
      else done(null, chunk);
    },
  });
}
