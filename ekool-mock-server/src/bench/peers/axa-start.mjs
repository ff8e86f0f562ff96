// Starts axa's oauth2-mock-server for the benchmark (docs/performance.md, "The peers"): one RS256 key, an
// ephemeral port on 127.0.0.1, and one line with the issuer URL once it is listening.
import { OAuth2Server } from 'oauth2-mock-server';

const server = new OAuth2Server();
await server.issuer.keys.generate('RS256');
await server.start(0, '127.0.0.1');
console.log('issuer_url=' + server.issuer.url);
