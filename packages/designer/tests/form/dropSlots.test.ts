import { describe, expect, it } from 'vitest';
import { dropSlots, openSlots, placeOfSlot } from '../../src/index.ts';
import { checkInForm, createTestDesigner, doc } from '../fixtures.ts';

describe('drop slots', () => {
  it('lists a slot before each child and at the end of each container, in page order', () => {
    const ids = dropSlots(checkInForm()).map((s) => s.id);
    expect(ids).toEqual([
      'slot:#root:0',
      'slot:basics:0',
      'slot:basics:1',
      'slot:basics:2',
      'slot:basics:3',
      'slot:#root:1',
      'slot:table:0',
      'slot:table:1',
      'slot:table:2',
      'slot:table:3',
      'slot:table:4',
      'slot:table:5',
      'slot:#root:2',
      'slot:#root:3',
    ]);
  });

  it('opens only the slots whose container takes the subject, and never a node’s own insides', () => {
    const form = checkInForm();
    const open = (subject: Parameters<typeof openSlots>[1]) => openSlots(form, subject).map((s) => s.id);
    const field = open({ kind: 'palette', itemId: 'number', nodeType: 'field' });
    expect(field).toHaveLength(14);
    expect(open({ kind: 'palette', itemId: 'section', nodeType: 'section' })).toEqual([
      'slot:#root:0',
      'slot:basics:0',
      'slot:basics:1',
      'slot:basics:2',
      'slot:basics:3',
      'slot:#root:1',
      'slot:#root:2',
      'slot:#root:3',
    ]);
    expect(open({ kind: 'nodes', ids: ['basics'] })).toEqual([
      'slot:#root:0',
      'slot:#root:1',
      'slot:#root:2',
      'slot:#root:3',
    ]);
    expect(open({ kind: 'palette', itemId: 'tab', nodeType: 'tab' })).toEqual([]);
  });

  it('turns a slot into a move place counted without the moved nodes', () => {
    const designer = createTestDesigner();
    const form = doc(designer);
    const slot = dropSlots(form).find((s) => s.id === 'slot:basics:3');
    expect(slot && placeOfSlot(form, slot, ['statusNode'])).toEqual({ parent: 'basics', index: 2 });
    designer.move(['statusNode'], placeOfSlot(form, slot as NonNullable<typeof slot>, ['statusNode']));
    expect((doc(designer).layout.nodes.basics as { children: string[] }).children).toEqual([
      'progressNode',
      'commentNode',
      'statusNode',
    ]);
  });
});
