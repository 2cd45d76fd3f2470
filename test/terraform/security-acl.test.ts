import { DescribeNetworkAclsCommand, DescribeSecurityGroupReferencesCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';

const ok = terraformAvailable();
const OWNER_A = '141414141414';
const OWNER_B = '151515151515';

/**
 * Two accounts joined by a peering, each with security groups whose rules name the other
 * account's group ("<account>/sg-…" in aws_security_group_rule, aws_vpc_security_group_ingress_rule
 * and inline blocks), network ACLs with inline entries and with aws_network_acl_rule, and the
 * default group and ACL taken over. REACHABILITY.md §3.4, §4.2, §4.3.
 */
const config = (url: string): string => `${REQUIRED_PROVIDERS}
${providerBlock(url, { alias: 'a', region: 'us-east-1', accessKey: OWNER_A })}
${providerBlock(url, { alias: 'b', region: 'us-east-1', accessKey: OWNER_A, assumeRoleArn: `arn:aws:iam::${OWNER_B}:role/network-admin` })}
resource "aws_vpc" "a" {
  provider                         = aws.a
  cidr_block                       = "10.70.0.0/16"
  assign_generated_ipv6_cidr_block = true
}
resource "aws_vpc" "b" {
  provider   = aws.b
  cidr_block = "10.71.0.0/16"
}
resource "aws_subnet" "a" {
  provider   = aws.a
  vpc_id     = aws_vpc.a.id
  cidr_block = "10.70.1.0/24"
}
resource "aws_subnet" "b" {
  provider   = aws.b
  vpc_id     = aws_vpc.b.id
  cidr_block = "10.71.1.0/24"
}

resource "aws_vpc_peering_connection" "ab" {
  provider      = aws.a
  vpc_id        = aws_vpc.a.id
  peer_vpc_id   = aws_vpc.b.id
  peer_owner_id = "${OWNER_B}"
  tags = { Name = "a-to-b" }
}
resource "aws_vpc_peering_connection_accepter" "ab" {
  provider                  = aws.b
  vpc_peering_connection_id = aws_vpc_peering_connection.ab.id
  auto_accept               = true
}

resource "aws_security_group" "a_app" {
  provider    = aws.a
  name        = "app"
  description = "app servers in A"
  vpc_id      = aws_vpc.a.id
}
resource "aws_security_group" "b_db" {
  provider    = aws.b
  name        = "db"
  description = "databases in B"
  vpc_id      = aws_vpc.b.id
}

# A's web group names B's group inline, once the connection is active.
resource "aws_security_group" "a_web" {
  provider    = aws.a
  name        = "web"
  description = "web servers in A"
  vpc_id      = aws_vpc.a.id
  ingress {
    description     = "from B databases"
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    security_groups = ["${OWNER_B}/\${aws_security_group.b_db.id}"]
  }
  ingress {
    from_port   = 8
    to_port     = 0
    protocol    = "icmp"
    cidr_blocks = ["10.71.0.0/16"]
  }
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  depends_on = [aws_vpc_peering_connection_accepter.ab]
}

# A's app group: B's database group may reach it on 8080.
resource "aws_vpc_security_group_ingress_rule" "app_from_db" {
  provider                     = aws.a
  security_group_id            = aws_security_group.a_app.id
  referenced_security_group_id = "${OWNER_B}/\${aws_security_group.b_db.id}"
  ip_protocol                  = "tcp"
  from_port                    = 8080
  to_port                      = 8080
  description                  = "db callbacks"
  depends_on                   = [aws_vpc_peering_connection_accepter.ab]
}
resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  provider          = aws.a
  security_group_id = aws_security_group.a_app.id
  cidr_ipv4         = aws_vpc.b.cidr_block
  ip_protocol       = "tcp"
  from_port         = 5432
  to_port           = 5432
}

# B's database group admits A's app group, the classic resource's "<account>/sg-…" source.
resource "aws_security_group_rule" "db_from_app" {
  provider                 = aws.b
  type                     = "ingress"
  security_group_id        = aws_security_group.b_db.id
  source_security_group_id = "${OWNER_A}/\${aws_security_group.a_app.id}"
  protocol                 = "tcp"
  from_port                = 5432
  to_port                  = 5432
  depends_on               = [aws_vpc_peering_connection_accepter.ab]
}
resource "aws_security_group_rule" "db_icmp" {
  provider          = aws.b
  type              = "ingress"
  security_group_id = aws_security_group.b_db.id
  cidr_blocks       = ["10.70.0.0/16"]
  protocol          = "icmp"
  from_port         = 8
  to_port           = -1
}

resource "aws_default_security_group" "a" {
  provider = aws.a
  vpc_id   = aws_vpc.a.id
  ingress {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# A's subnet: inline entries (stateless, so the return needs its ephemeral-port rule).
resource "aws_network_acl" "a" {
  provider   = aws.a
  vpc_id     = aws_vpc.a.id
  subnet_ids = [aws_subnet.a.id]
  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.71.0.0/16"
    from_port  = 5432
    to_port    = 5432
  }
  ingress {
    rule_no    = 110
    protocol   = "icmp"
    action     = "allow"
    cidr_block = "10.71.0.0/16"
    icmp_type  = 8
    icmp_code  = -1
    from_port  = 0
    to_port    = 0
  }
  ingress {
    rule_no         = 120
    protocol        = "-1"
    action          = "deny"
    ipv6_cidr_block = "2001:db8::/32"
    from_port       = 0
    to_port         = 0
  }
  egress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.71.0.0/16"
    from_port  = 1024
    to_port    = 65535
  }
  tags = { Name = "a" }
}

# B's subnet: entries as their own resources.
resource "aws_network_acl" "b" {
  provider   = aws.b
  vpc_id     = aws_vpc.b.id
  subnet_ids = [aws_subnet.b.id]
}
resource "aws_network_acl_rule" "b_in" {
  provider       = aws.b
  network_acl_id = aws_network_acl.b.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = aws_vpc.a.cidr_block
  from_port      = 5432
  to_port        = 5432
}
resource "aws_network_acl_rule" "b_out" {
  provider       = aws.b
  network_acl_id = aws_network_acl.b.id
  rule_number    = 100
  egress         = true
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = aws_vpc.a.cidr_block
  from_port      = 1024
  to_port        = 65535
}
resource "aws_network_acl_rule" "b_icmp" {
  provider       = aws.b
  network_acl_id = aws_network_acl.b.id
  rule_number    = 200
  egress         = false
  protocol       = "icmp"
  rule_action    = "allow"
  cidr_block     = aws_vpc.a.cidr_block
  icmp_type      = 0
  icmp_code      = -1
}

resource "aws_default_network_acl" "b" {
  provider               = aws.b
  default_network_acl_id = aws_vpc.b.default_network_acl_id
  ingress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  egress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
`;

describe.skipIf(!ok)('Terraform: security groups and network ACLs across two peered accounts', () => {
  const started = useTerraformServer();

  it('applies, plans clean, shows the cross-account references, and destroys with nothing left', async () => {
    const ws = workspace(config(started.current.url));
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          const a = ec2Client(started.current.url, OWNER_A, 'us-east-1');
          const b = ec2Client(started.current.url, OWNER_B, 'us-east-1');
          const groupsA = (await a.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['app', 'web'] }] }))).SecurityGroups ?? [];
          const [db] = (await b.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['db'] }] }))).SecurityGroups ?? [];
          const app = groupsA.find((g) => g.GroupName === 'app');
          const web = groupsA.find((g) => g.GroupName === 'web');
          // A's rules name B's group with B's account, B's VPC and the active connection.
          const appRules = (await a.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [app?.GroupId ?? ''] }] }))).SecurityGroupRules ?? [];
          const fromDb = appRules.find((r) => r.ReferencedGroupInfo);
          expect(fromDb).toMatchObject({ IsEgress: false, IpProtocol: 'tcp', FromPort: 8080, Description: 'db callbacks', ReferencedGroupInfo: { GroupId: db?.GroupId, UserId: OWNER_B, VpcId: db?.VpcId, PeeringStatus: 'active' } });
          expect(fromDb?.ReferencedGroupInfo?.VpcPeeringConnectionId).toMatch(/^pcx-/);
          expect(web?.IpPermissions?.find((p) => p.FromPort === 443)?.UserIdGroupPairs).toEqual([
            expect.objectContaining({ GroupId: db?.GroupId, UserId: OWNER_B, Description: "from B databases", PeeringStatus: 'active' }),
          ]);
          // B's database group admits A's app group; both sides see who references them.
          expect(db?.IpPermissions?.find((p) => p.FromPort === 5432)?.UserIdGroupPairs).toEqual([expect.objectContaining({ GroupId: app?.GroupId, UserId: OWNER_A })]);
          const refs = (await b.send(new DescribeSecurityGroupReferencesCommand({ GroupId: [db?.GroupId ?? ''] }))).SecurityGroupReferenceSet ?? [];
          expect(refs).toEqual([{ GroupId: db?.GroupId, ReferencingVpcId: app?.VpcId, VpcPeeringConnectionId: fromDb?.ReferencedGroupInfo?.VpcPeeringConnectionId }]);
          // The default group was taken over: its IPv6 egress rule is gone.
          const [dflt] = (await a.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [app?.VpcId ?? ''] }, { Name: 'group-name', Values: ['default'] }] }))).SecurityGroups ?? [];
          expect(dflt?.IpPermissionsEgress).toEqual([expect.objectContaining({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [] })]);
          // ACLs: A's subnet on A's ACL with its inline entries (IPv6 catch-all too), B's default ACL rewritten.
          const [aclA] = (await a.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'tag:Name', Values: ['a'] }] }))).NetworkAcls ?? [];
          expect(aclA?.Associations).toHaveLength(1);
          expect(aclA?.Entries?.filter((e) => !e.Egress).map((e) => [e.RuleNumber, e.Protocol, e.RuleAction])).toEqual([[100, '6', 'allow'], [110, '1', 'allow'], [120, '-1', 'deny'], [32767, '-1', 'deny'], [32768, '-1', 'deny']]);
          const aclsB = (await b.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'vpc-id', Values: [db?.VpcId ?? ''] }] }))).NetworkAcls ?? [];
          const custom = aclsB.find((x) => !x.IsDefault);
          expect(custom?.Entries?.map((e) => [e.Egress, e.RuleNumber, e.PortRange?.From ?? e.IcmpTypeCode?.Type])).toEqual([[true, 100, 1024], [true, 32767, undefined], [false, 100, 5432], [false, 200, 0], [false, 32767, undefined]]);
          expect(custom?.Associations?.map((x) => x.SubnetId)).toHaveLength(1);

          // An edited aws_vpc_security_group_ingress_rule is updated in place (ModifySecurityGroupRules,
          // with "<account>/sg-…" as ReferencedGroupId): same sgr- id, new port and description.
          writeFileSync(join(ws.dir, 'main.tf'), config(started.current.url).replace(/(from|to)_port(\s+)= 8080/g, '$1_port$2= 8081').replace('"db callbacks"', '"db callbacks v2"'));
          const update = await ws.must(0, 'apply', '-auto-approve', '-input=false');
          expect(update.output).toContain('1 changed, 0 destroyed');
          const replan = await ws.run('plan', '-detailed-exitcode', '-input=false');
          expect(replan.code, replan.output).toBe(0);
          const [edited] = (await a.send(new DescribeSecurityGroupRulesCommand({ SecurityGroupRuleIds: [fromDb?.SecurityGroupRuleId ?? ''] }))).SecurityGroupRules ?? [];
          expect(edited).toMatchObject({ FromPort: 8081, ToPort: 8081, Description: 'db callbacks v2', ReferencedGroupInfo: { GroupId: db?.GroupId, UserId: OWNER_B, PeeringStatus: 'active' } });
        },
        started.current,
      );
      recordTimings('security-groups-acls-two-accounts', timings);
      expect(await leftovers(started.current.url, OWNER_A, 'us-east-1')).toEqual([]);
      expect(await leftovers(started.current.url, OWNER_B, 'us-east-1')).toEqual([]);
      // No group or ACL outlives its VPC (the default VPC's own are all that remain).
      for (const account of [OWNER_A, OWNER_B]) {
        const c = ec2Client(started.current.url, account, 'us-east-1');
        const groups = (await c.send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
        const acls = (await c.send(new DescribeNetworkAclsCommand({}))).NetworkAcls ?? [];
        expect(groups.map((g) => g.GroupName)).toEqual(['default']);
        expect(acls.map((x) => x.IsDefault)).toEqual([true]);
      }
    } finally {
      ws.remove();
    }
  }, 600_000);
});
