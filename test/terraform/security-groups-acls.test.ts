import { DescribeNetworkAclsCommand, DescribeSecurityGroupRulesCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROVIDERS, applyPlanDestroy, ec2Client, leftovers, providerBlock, recordTimings, terraformAvailable, useTerraformServer, workspace } from './terraform-harness.js';

const ok = terraformAvailable();
const ACCOUNT = '131313131313';

// Every security group and network ACL resource of the AWS provider, as people write them, and
// the default ACL rules terraform-aws-modules/vpc sets (allow all IPv4 at 100, IPv6 at 101).
const CONFIG = `
resource "aws_vpc" "main" {
  cidr_block = "10.90.0.0/16"
}
resource "aws_subnet" "a" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.90.1.0/24"
}
resource "aws_subnet" "b" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.90.2.0/24"
}
resource "aws_subnet" "c" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.90.3.0/24"
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.main.id
  ingress {
    description = "https"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    self      = true
  }
  egress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    cidr_blocks      = ["0.0.0.0/0"]
    ipv6_cidr_blocks = ["::/0"]
  }
  tags = { Name = "web" }
}
resource "aws_security_group" "db" {
  name        = "db"
  description = "databases"
  vpc_id      = aws_vpc.main.id
}
resource "aws_vpc_security_group_ingress_rule" "db_from_web" {
  security_group_id            = aws_security_group.db.id
  referenced_security_group_id = aws_security_group.web.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "postgres from web"
  tags                         = { Name = "pg" }
}
resource "aws_vpc_security_group_egress_rule" "db_out" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = "10.0.0.0/8"
  ip_protocol       = "-1"
}
resource "aws_security_group_rule" "db_ping" {
  type              = "ingress"
  security_group_id = aws_security_group.db.id
  protocol          = "icmp"
  from_port         = 8
  to_port           = 0
  cidr_blocks       = ["10.90.0.0/16"]
}
resource "aws_default_security_group" "main" {
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc" "other" {
  cidr_block = "10.91.0.0/16"
}
resource "aws_default_security_group" "other" {
  vpc_id = aws_vpc.other.id
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

resource "aws_network_acl" "private" {
  vpc_id     = aws_vpc.main.id
  subnet_ids = [aws_subnet.b.id]
  ingress {
    protocol   = "tcp"
    rule_no    = 100
    action     = "allow"
    cidr_block = "10.90.0.0/16"
    from_port  = 22
    to_port    = 22
  }
  ingress {
    protocol   = "icmp"
    rule_no    = 110
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
    icmp_type  = 8
    icmp_code  = -1
  }
  egress {
    protocol   = "-1"
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  tags = { Name = "private" }
}
resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id
  tags   = { Name = "public" }
}
resource "aws_network_acl_rule" "public_https" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 200
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
  from_port      = 443
  to_port        = 443
}
resource "aws_default_network_acl" "main" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id
  subnet_ids             = [aws_subnet.a.id, aws_subnet.c.id]
  ingress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  ingress {
    protocol        = -1
    rule_no         = 101
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }
  egress {
    protocol   = -1
    rule_no    = 100
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
  egress {
    protocol        = -1
    rule_no         = 101
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }
}
`;

describe.skipIf(!ok)('Terraform: security groups, their rules, network ACLs and the defaults', () => {
  const started = useTerraformServer();

  it('applies, plans no changes, and destroys to nothing but defaults', async () => {
    const ws = workspace(`${REQUIRED_PROVIDERS}${providerBlock(started.current.url, { region: 'us-east-1', accessKey: ACCOUNT })}${CONFIG}`);
    try {
      const timings = await applyPlanDestroy(
        ws,
        async () => {
          const c = ec2Client(started.current.url, ACCOUNT, 'us-east-1');
          const groups = (await c.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['web', 'db'] }] }))).SecurityGroups ?? [];
          const web = groups.find((g) => g.GroupName === 'web');
          const db = groups.find((g) => g.GroupName === 'db');
          expect(web?.IpPermissionsEgress).toEqual([{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [{ CidrIpv6: '::/0' }], PrefixListIds: [], UserIdGroupPairs: [] }]);
          const rules = (await c.send(new DescribeSecurityGroupRulesCommand({ Filters: [{ Name: 'group-id', Values: [db?.GroupId ?? ''] }] }))).SecurityGroupRules ?? [];
          expect(rules.map((r) => [r.IsEgress, r.IpProtocol, r.FromPort, r.ToPort, r.CidrIpv4 ?? r.ReferencedGroupInfo?.GroupId]).sort()).toEqual(
            [
              [false, 'icmp', 8, 0, '10.90.0.0/16'],
              [false, 'tcp', 5432, 5432, web?.GroupId],
              [true, '-1', -1, -1, '10.0.0.0/8'],
            ].sort(),
          );
          expect(rules.find((r) => r.FromPort === 5432)?.Tags).toEqual([{ Key: 'Name', Value: 'pg' }]);
          const acls = (await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'tag:Name', Values: ['private'] }] }))).NetworkAcls ?? [];
          expect(acls[0]?.Associations).toHaveLength(1);
          const def = (await c.send(new DescribeNetworkAclsCommand({ Filters: [{ Name: 'default', Values: ['true'] }, { Name: 'vpc-id', Values: [web?.VpcId ?? ''] }] }))).NetworkAcls?.[0];
          expect(def?.Associations).toHaveLength(2);
          expect(def?.Entries?.map((e) => [e.Egress, e.RuleNumber, e.RuleAction, e.CidrBlock ?? e.Ipv6CidrBlock])).toEqual([
            [true, 100, 'allow', '0.0.0.0/0'],
            [true, 101, 'allow', '::/0'],
            [true, 32767, 'deny', '0.0.0.0/0'],
            [false, 100, 'allow', '0.0.0.0/0'],
            [false, 101, 'allow', '::/0'],
            [false, 32767, 'deny', '0.0.0.0/0'],
          ]);
        },
        started.current,
      );
      recordTimings('security-groups-acls', timings);
      expect(await leftovers(started.current.url, ACCOUNT, 'us-east-1')).toEqual([]);
    } finally {
      ws.remove();
    }
  }, 600_000);
});
