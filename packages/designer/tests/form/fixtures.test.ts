import { validateDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { checkInForm } from '../fixtures.ts';

describe('the check-in fixture', () => {
  it('is a valid form definition', () => {
    const result = validateDefinition(checkInForm());
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});
