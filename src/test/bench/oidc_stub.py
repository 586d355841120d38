# A stand-in OpenID provider for benchmarks on loopback: serves discovery and the JWKS of
# key.pem (in the working directory) on 127.0.0.1:PORT. Tokens are signed with openssl by token.sh.
import base64, json, subprocess, http.server, sys, os
def b64(b): return base64.urlsafe_b64encode(b).rstrip(b'=').decode()
mod = subprocess.check_output(['openssl','rsa','-in','key.pem','-noout','-modulus']).decode().strip().split('=')[1]
n = b64(bytes.fromhex(mod)); e = b64((65537).to_bytes(3,'big'))
PORT = int(os.environ.get('STUB_PORT', '8199'))
ISS = f'http://127.0.0.1:{PORT}/realms/smartcity'
DISC = {"issuer": ISS, "jwks_uri": ISS + "/protocol/openid-connect/certs", "token_endpoint": ISS + "/protocol/openid-connect/token",
        "authorization_endpoint": ISS + "/protocol/openid-connect/auth", "response_types_supported": ["code"], "subject_types_supported": ["public"], "id_token_signing_alg_values_supported": ["RS256"]}
JWKS = {"keys": [{"kty": "RSA", "kid": "trial", "use": "sig", "alg": "RS256", "n": n, "e": e}]}
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = {'/realms/smartcity/.well-known/openid-configuration': DISC, '/realms/smartcity/protocol/openid-connect/certs': JWKS}.get(self.path)
        self.send_response(200 if body else 404); self.send_header('Content-Type','application/json'); self.end_headers()
        self.wfile.write(json.dumps(body or {}).encode())
    def log_message(self, *a): pass
http.server.HTTPServer(('127.0.0.1', PORT), H).serve_forever()
