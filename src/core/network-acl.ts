// The network ACL types live in network-acls/; repository.ts still imports them from here.
export type { NetworkAcl, NetworkAclAssociation, NetworkAclEntry } from './network-acls/network-acl.js';
