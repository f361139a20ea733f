import { describe, expect, it } from 'vitest';
import { indexAwsDirectory } from '../../../src-main/core/userbase/aws-directory.js';

const users = [
  { UserName: 'ada', UserId: 'u-ada' },
  { UserName: 'bob', UserId: 'u-bob' },
  { UserName: 'cy', UserId: 'u-cy' },
];
const groups = [
  { GroupId: 'g-dev', DisplayName: 'developers' },
  { GroupId: 'g-ops', DisplayName: 'operators' },
];
const member = (GroupId: string, UserId: string) => ({ GroupId, MemberId: { UserId } });

describe('the AWS directory index', () => {
  // list-group-memberships, one file per group, concatenated: consecutive memberships share their group.
  const perGroup = [member('g-dev', 'u-ada'), member('g-dev', 'u-bob'), member('g-dev', 'u-gone'), member('g-ops', 'u-bob'), member('g-ops', 'u-ada'), member('g-ops', 'u-ada'), member('g-old', 'u-cy'), member('g-old', 'u-gone')];
  // list-group-memberships-for-member, per user: consecutive memberships share their user.
  const perUser = [member('g-dev', 'u-ada'), member('g-ops', 'u-ada'), member('g-ops', 'u-ada'), member('g-dev', 'u-bob'), member('g-ops', 'u-bob'), member('g-dev', 'u-gone'), member('g-old', 'u-gone'), member('g-old', 'u-cy')];

  it.each([['per group', perGroup], ['per user', perUser]])('lists each user\'s groups once, in membership order (%s)', (_order, memberships) => {
    const aws = indexAwsDirectory({ users, groups, memberships });
    expect(aws.groupIdsOf('u-ada')).toEqual(['g-dev', 'g-ops']);
    expect(aws.groupIdsOf('u-bob')).toEqual(['g-dev', 'g-ops']);
    expect(aws.groupIdsOf('u-cy')).toEqual(['g-old']);
    expect(aws.groupIdsOf('u-gone')).toEqual([]);
    expect(aws.groupName('g-ops')).toBe('operators');
    expect(aws.groupName('g-old')).toBe('g-old');
  });

  it('gives the same groups by position in the users file, also for a UserId listed twice', () => {
    const twice = [...users, { UserName: 'ada-again', UserId: 'u-ada' }];
    const aws = indexAwsDirectory({ users: twice, groups, memberships: perUser });
    expect(twice.map((_u, i) => aws.groupIdsAt(i))).toEqual([['g-dev', 'g-ops'], ['g-dev', 'g-ops'], ['g-old'], ['g-dev', 'g-ops']]);
    expect(aws.groupIdsOf('u-ada')).toEqual(['g-dev', 'g-ops']);
  });

  it('lists a user in tens of thousands of groups once each, in order, in linear time', () => {
    const ids = Array.from({ length: 40_000 }, (_, i) => `g-${i}`);
    // Every membership twice: repeats must be dropped without scanning the whole list each time.
    const memberships = [...ids, ...ids].map((g) => member(g, 'u-ada'));
    const started = performance.now();
    const aws = indexAwsDirectory({ users, memberships });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(aws.groupIdsOf('u-ada')).toEqual(ids);
  });

  it.each([['per group', perGroup], ['per user', perUser]])('counts memberships of unknown users and group ids missing from the groups file (%s)', (_order, memberships) => {
    const notes = indexAwsDirectory({ users, groups, memberships, assignments: [] }).notes;
    expect(notes).toContain('2 membership(s) name a UserId that is not in the users file; they were ignored.');
    expect(notes).toContain('1 group id(s) in the memberships are not in the groups file; they are shown by GroupId.');
  });

  it('says nothing about unnamed groups without a groups file', () => {
    const notes = indexAwsDirectory({ users, memberships: perGroup, assignments: [] }).notes;
    expect(notes.some((n) => n.includes('not in the groups file'))).toBe(false);
    expect(notes).toContain('No groups file (list-groups): groups are shown by GroupId and the group mapping can only match GroupIds.');
  });

  it('shares one frozen answer among users assigned through the same group', () => {
    const aws = indexAwsDirectory({ users, groups, memberships: perGroup, assignments: [{ PrincipalType: 'GROUP', PrincipalId: 'g-dev' }, { PrincipalType: 'USER', PrincipalId: 'u-cy' }] });
    const ada = aws.assignmentOf('u-ada');
    expect(ada).toEqual({ known: true, assigned: true, direct: false, viaGroups: ['developers'] });
    expect(aws.assignmentOf('u-bob')).toBe(ada);
    expect(Object.isFrozen(ada) && Object.isFrozen(ada.viaGroups)).toBe(true);
    expect(aws.assignmentOf('u-cy')).toEqual({ known: true, assigned: true, direct: true, viaGroups: [] });
    expect(aws.assignmentOf('u-gone')).toEqual({ known: true, assigned: false, direct: false, viaGroups: [] });
  });
});
