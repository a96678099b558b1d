import { caseText, parseCustomCase } from './custom-cases';

const params = [{ name: 'nums1' }, { name: 'm' }, { name: 'nums2' }, { name: 'n' }];

describe('parseCustomCase', () => {
  it('reads one JSON value per line', () => {
    expect(parseCustomCase('[1,2,3,0,0,0]\n3\n\n[2,5,6]\n3\n', params)).toEqual({ ok: true, args: [[1, 2, 3, 0, 0, 0], 3, [2, 5, 6], 3] });
  });

  it('says which line is wrong', () => {
    const result = parseCustomCase('[1,2\n3\n[]\n0', params);
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/Line 1 \(nums1\)/) });
  });

  it('asks for one line per parameter', () => {
    expect(parseCustomCase('[1]\n1', params)).toEqual({ ok: false, error: expect.stringMatching(/Needs 4 lines/) });
  });

  it('round-trips an example', () => {
    const args = [[1, 0], 1, [2], 1];
    const parsed = parseCustomCase(caseText(args), params);
    expect(parsed).toEqual({ ok: true, args });
  });
});
