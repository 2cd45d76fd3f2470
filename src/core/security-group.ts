// The security group types live in security-groups/; repository.ts still imports them from here.
export type { RulePeer, SecurityGroup, SecurityGroupRule } from './security-groups/security-group.js';
