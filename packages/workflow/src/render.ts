import { fillLocalized, type LocalizedText } from '@formboard/schema';
import type { RunContext } from './runScope.ts';
import type { RenderedText } from './types.ts';

/**
 * Renders a localized template in zh-CN and en with a run's values: @formboard/schema's
 * `fillLocalized`, the one placeholder filler the designer's dry run uses too.
 */
export function renderText(text: LocalizedText, context: RunContext): RenderedText {
  return fillLocalized(text, context);
}
