// ws-broadcast.js — the reference for bench-live (tests/bench/bench-live.c): the simplest
// broadcast server Node.js and the `ws` package make. Clients connect with a WebSocket to any
// path; each POST /broadcast (the control connection, like a chair's command to chamberd) sends
// its body to every connected client, then answers 200 — the same shape as chamberd's live
// channel: a command over HTTP, its event to every WebSocket. Prints "listening on URL" first.
'use strict';

const http = require('http');
const { WebSocketServer } = require('ws');

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/broadcast') {
    res.writeHead(404);
    res.end();
    return;
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const message = Buffer.concat(chunks).toString('utf8');
    for (const client of wss.clients) {
      if (client.readyState === 1) client.send(message);
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
});
const wss = new WebSocketServer({ server });

server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
