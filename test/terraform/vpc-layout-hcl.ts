/**
 * HCL for a VPC in the shapes terraform-aws-modules/vpc produces (written here from its documented
 * behaviour, not copied): public and private subnets across zones, an internet gateway, a NAT
 * gateway per zone with its Elastic IP, a DHCP options set, the default security group, network
 * ACL and route table taken under management, and optionally IPv6 with an egress-only gateway
 * and secondary IPv4 blocks. Every resource name starts with `name`, so several fit in one file.
 */
export interface VpcLayout {
  readonly name: string;
  readonly cidr: string;
  readonly zones: readonly string[];
  /** Provider alias for every resource, if not the default provider. */
  readonly provider?: string;
  readonly publicSubnets: readonly string[];
  readonly privateSubnets: readonly string[];
  readonly natPerZone?: boolean;
  readonly ipv6?: boolean;
  readonly secondaryCidrs?: readonly string[];
  readonly dhcp?: { readonly domainName: string; readonly servers: readonly string[] };
  readonly manageDefaults?: boolean;
}

const list = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;

export function vpcLayoutHcl(l: VpcLayout): string {
  const n = l.name;
  const p = l.provider ? `\n  provider = aws.${l.provider}` : '';
  const tags = (what: string): string => `tags = { Name = "${n}-${what}", Layout = "${n}" }`;
  const out: string[] = [];
  out.push(`
resource "aws_vpc" "${n}" {${p}
  cidr_block                       = "${l.cidr}"
  enable_dns_hostnames             = true
  enable_dns_support               = true
  assign_generated_ipv6_cidr_block = ${l.ipv6 === true}
  ${tags('vpc')}
}`);
  if ((l.secondaryCidrs?.length ?? 0) > 0) {
    out.push(`
resource "aws_vpc_ipv4_cidr_block_association" "${n}" {${p}
  count      = ${l.secondaryCidrs?.length ?? 0}
  vpc_id     = aws_vpc.${n}.id
  cidr_block = element(${list(l.secondaryCidrs ?? [])}, count.index)
}`);
  }
  // Subnets wait for every secondary block, as the module makes them do: its subnets take the VPC
  // id from the (counted) association resource, and Terraform orders by resource, not instance.
  const vpcRef = (l.secondaryCidrs?.length ?? 0) > 0 ? `aws_vpc_ipv4_cidr_block_association.${n}[0].vpc_id` : `aws_vpc.${n}.id`;
  if (l.dhcp) {
    out.push(`
resource "aws_vpc_dhcp_options" "${n}" {${p}
  domain_name         = "${l.dhcp.domainName}"
  domain_name_servers = ${list(l.dhcp.servers)}
  ${tags('dhcp')}
}
resource "aws_vpc_dhcp_options_association" "${n}" {${p}
  vpc_id          = aws_vpc.${n}.id
  dhcp_options_id = aws_vpc_dhcp_options.${n}.id
}`);
  }
  const v6 = (offset: number) =>
    l.ipv6
      ? `
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.${n}.ipv6_cidr_block, 8, count.index + ${offset})
  assign_ipv6_address_on_creation = true
  enable_resource_name_dns_aaaa_record_on_launch = true`
      : '';
  out.push(`
locals {
  ${n}_zones   = ${list(l.zones)}
  ${n}_public  = ${list(l.publicSubnets)}
  ${n}_private = ${list(l.privateSubnets)}
}
resource "aws_subnet" "${n}_public" {${p}
  count                   = length(local.${n}_public)
  vpc_id                  = ${vpcRef}
  cidr_block              = local.${n}_public[count.index]
  availability_zone       = element(local.${n}_zones, count.index)
  map_public_ip_on_launch = true${v6(0)}
  tags = { Name = "${n}-public-\${element(local.${n}_zones, count.index)}", Tier = "public" }
}
resource "aws_subnet" "${n}_private" {${p}
  count             = length(local.${n}_private)
  vpc_id            = ${vpcRef}
  cidr_block        = local.${n}_private[count.index]
  availability_zone = element(local.${n}_zones, count.index)${v6(16)}
  tags = { Name = "${n}-private-\${element(local.${n}_zones, count.index)}", Tier = "private" }
}
resource "aws_internet_gateway" "${n}" {${p}
  vpc_id = aws_vpc.${n}.id
  ${tags('igw')}
}
resource "aws_route_table" "${n}_public" {${p}
  vpc_id = aws_vpc.${n}.id
  ${tags('public')}
}
resource "aws_route" "${n}_public_internet" {${p}
  route_table_id         = aws_route_table.${n}_public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.${n}.id
}
resource "aws_route_table_association" "${n}_public" {${p}
  count          = length(local.${n}_public)
  subnet_id      = aws_subnet.${n}_public[count.index].id
  route_table_id = aws_route_table.${n}_public.id
}
resource "aws_route_table" "${n}_private" {${p}
  count  = length(local.${n}_private)
  vpc_id = aws_vpc.${n}.id
  tags = { Name = "${n}-private-\${element(local.${n}_zones, count.index)}" }
}
resource "aws_route_table_association" "${n}_private" {${p}
  count          = length(local.${n}_private)
  subnet_id      = aws_subnet.${n}_private[count.index].id
  route_table_id = aws_route_table.${n}_private[count.index].id
}`);
  if (l.ipv6) {
    out.push(`
resource "aws_route" "${n}_public_internet_ipv6" {${p}
  route_table_id              = aws_route_table.${n}_public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.${n}.id
}
resource "aws_egress_only_internet_gateway" "${n}" {${p}
  vpc_id = aws_vpc.${n}.id
  ${tags('eigw')}
}
resource "aws_route" "${n}_private_ipv6_egress" {${p}
  count                       = length(local.${n}_private)
  route_table_id              = aws_route_table.${n}_private[count.index].id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.${n}.id
}`);
  }
  if (l.natPerZone) {
    out.push(`
resource "aws_eip" "${n}_nat" {${p}
  count  = length(local.${n}_private)
  domain = "vpc"
  tags = { Name = "${n}-nat-\${element(local.${n}_zones, count.index)}" }
  depends_on = [aws_internet_gateway.${n}]
}
resource "aws_nat_gateway" "${n}" {${p}
  count         = length(local.${n}_private)
  allocation_id = aws_eip.${n}_nat[count.index].id
  subnet_id     = aws_subnet.${n}_public[count.index].id
  tags = { Name = "${n}-nat-\${element(local.${n}_zones, count.index)}" }
  depends_on = [aws_internet_gateway.${n}]
}
resource "aws_route" "${n}_private_nat" {${p}
  count                  = length(local.${n}_private)
  route_table_id         = aws_route_table.${n}_private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.${n}[count.index].id
}`);
  }
  if (l.manageDefaults) {
    out.push(`
resource "aws_default_security_group" "${n}" {${p}
  vpc_id = aws_vpc.${n}.id
  ${tags('default')}
}
resource "aws_default_network_acl" "${n}" {${p}
  default_network_acl_id = aws_vpc.${n}.default_network_acl_id
  ingress {
    rule_no    = 100
    action     = "allow"
    from_port  = 0
    to_port    = 0
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no         = 101
    action          = "allow"
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    ipv6_cidr_block = "::/0"
  }
  egress {
    rule_no    = 100
    action     = "allow"
    from_port  = 0
    to_port    = 0
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
  }
  egress {
    rule_no         = 101
    action          = "allow"
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    ipv6_cidr_block = "::/0"
  }
  ${tags('default')}
  lifecycle {
    ignore_changes = [subnet_ids]
  }
}
resource "aws_default_route_table" "${n}" {${p}
  default_route_table_id = aws_vpc.${n}.default_route_table_id
  ${tags('default')}
}`);
  }
  return out.join('\n');
}
