import { describe, expect, it } from 'vitest';
import { journalistsIn } from '../../../src/core/parse/general/introductions.ts';

// How a page names its own journalists. The patterns that start at a name are read only where
// the word they need (a role, "report") is in the text: each row says one way, and the last rows
// that the same names without the word are no one's role.
describe('journalistsIn', () => {
  it.each([
    ['correspondent Jane Roe reports from the border.', 'JANE ROE', 'correspondent'],
    ['Jane Roe, our chief correspondent, is in Kyiv.', 'JANE ROE', 'correspondent'],
    ['Jane Roe is the anchor tonight.', 'JANE ROE', 'anchor'],
    ["NPR's Jane Roe was there.", 'JANE ROE', 'reporter'],
    ['Jane Roe has our report.', 'JANE ROE', 'reporter'],
    ['Jane Roe reports.', 'JANE ROE', 'reporter'],
    ['The debate was moderated by Jane Roe.', 'JANE ROE', 'host'],
    ['Good evening, with Jane Roe, reporting from London.', 'JANE ROE', 'anchor'],
    ['Jane Roe is in Kyiv.', null, null],
    ['Jane Roe has our thanks.', null, null],
  ])('%j', (text, name, role) => {
    const found = journalistsIn(text, false);
    expect(Object.fromEntries(found)).toEqual(name ? { [name]: role } : {});
  });

  it('reads captions in lower case the same way', () => {
    expect(Object.fromEntries(journalistsIn('jane roe has our report.', true))).toEqual({ 'JANE ROE': 'reporter' });
  });
});
