import { describe, expect, it } from 'vitest';
import { nodeLabel } from '../../src/form/nodeLabel.ts';
import { createTestDesigner, doc } from '../fixtures.ts';

describe('node labels', () => {
  it('follow label edits and their undo, though remembered per layout and data', () => {
    const designer = createTestDesigner();
    const first = doc(designer);
    const before = nodeLabel(first, 'statusNode', 'en');
    expect(before).toBe('Status'); // the data schema's title
    designer.setProperty('statusNode', 'label', { 'zh-CN': '阶段', en: 'Stage' });
    expect(nodeLabel(doc(designer), 'statusNode', 'en')).toBe('Stage');
    expect(nodeLabel(doc(designer), 'statusNode', 'zh-CN')).toBe('阶段');
    designer.undo();
    expect(doc(designer)).toBe(first);
    expect(nodeLabel(doc(designer), 'statusNode', 'en')).toBe(before);
  });
});
