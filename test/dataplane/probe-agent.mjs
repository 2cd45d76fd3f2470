// Runs inside one instance's namespace (started with `vpcpeer exec`): TCP and UDP servers on the
// given ports that answer with this host's name, and a prober reading one JSON request per line
// on stdin ({id, proto, ip, port, sport}) and answering {id, who} with the name of whoever
// answered (null: nothing did within the time limit). Naming the answerer tells a packet that
// reached the intended instance from one that reached another VPC's look-alike address. An ICMP
// probe is one `ping` (echo); its answerer cannot be named, so `who` is the address that replied.
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { networkInterfaces } from 'node:os';
import { createInterface } from 'node:readline';

const [name, portsJson, timeoutText] = process.argv.slice(2);
const ports = JSON.parse(portsJson);
const TIMEOUT = Number(timeoutText ?? 1000);

// UDP is answered from the address it was sent to, as a server that cares must (one socket per
// address: a socket on 0.0.0.0 answers from the address of the interface the reply leaves by,
// which for an instance's second interface is eth0's, a flow no one asked for).
const addresses = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a.address);
let ready = 0;
const up = () => {
  if (++ready === ports.length * (1 + addresses.length)) console.log(JSON.stringify({ ready: name }));
};
for (const port of ports) {
  net.createServer((s) => s.end(name)).listen(port, '0.0.0.0', up);
  for (const address of addresses) {
    const udp = dgram.createSocket('udp4');
    udp.on('message', (_m, from) => udp.send(name, from.port, from.address));
    udp.bind(port, address, up);
  }
}

function tcp(ip, port, sport) {
  return new Promise((done) => {
    let got = '';
    const s = net.connect({ host: ip, port, localPort: sport });
    const finish = (who) => {
      s.destroy();
      done(who);
    };
    s.setTimeout(TIMEOUT, () => finish(null));
    s.on('data', (d) => (got += d));
    s.on('end', () => finish(got || null));
    s.on('error', () => finish(null));
  });
}

function udp(ip, port, sport) {
  return new Promise((done) => {
    const s = dgram.createSocket('udp4');
    const timer = setTimeout(() => finish(null), TIMEOUT);
    const finish = (who) => {
      clearTimeout(timer);
      s.close();
      done(who);
    };
    s.on('message', (m) => finish(m.toString()));
    s.on('error', () => finish(null));
    s.bind(sport, () => s.send('probe', port, ip));
  });
}

function icmp(ip) {
  return new Promise((done) => {
    execFile('ping', ['-n', '-c', '1', '-W', String(Math.ceil(TIMEOUT / 1000)), ip], (err) => done(err ? null : ip));
  });
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const q = JSON.parse(line);
  const run = q.proto === 'tcp' ? tcp : q.proto === 'udp' ? udp : icmp;
  void run(q.ip, q.port, q.sport).then((who) => process.stdout.write(JSON.stringify({ id: q.id, who }) + '\n'));
}
