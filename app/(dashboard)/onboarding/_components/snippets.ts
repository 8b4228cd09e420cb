/** Seed 000's client snippets, filled in with the real key id and this deployment's URL. */
export function jwtSnippets(keyId: string, appUrl: string, privateKeyFormat: "sec1" | "pkcs8") {
  // openssl's `ecparam -genkey` writes SEC1 ("EC PRIVATE KEY"); WebCrypto exports PKCS#8 ("PRIVATE KEY").
  const goParse =
    privateKeyFormat === "sec1"
      ? "privateKey, err := x509.ParseECPrivateKey(block.Bytes)"
      : "privateKey, err := x509.ParsePKCS8PrivateKey(block.Bytes)";
  const url = `${appUrl}/api/v1/whoami`;
  return {
    node: `import jwt from 'jsonwebtoken';
import fs from 'fs';

const privateKey = fs.readFileSync('private.pem', 'utf8');

const token = jwt.sign(
  {
    sub: '${keyId}',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 300, // 5 minutes
  },
  privateKey,
  { algorithm: 'ES256' }
);

const res = await fetch('${url}', {
  headers: { 'Authorization': \`Bearer \${token}\` },
});
console.log(res.status, await res.json());`,
    python: `import jwt
import time
import requests

with open('private.pem', 'r') as f:
    private_key = f.read()

token = jwt.encode(
    {
        'sub': '${keyId}',
        'iat': int(time.time()),
        'exp': int(time.time()) + 300,  # 5 minutes
    },
    private_key,
    algorithm='ES256'
)

response = requests.get('${url}', headers={'Authorization': f'Bearer {token}'})
print(response.status_code, response.json())`,
    go: `package main

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func main() {
	keyData, _ := os.ReadFile("private.pem")
	block, _ := pem.Decode(keyData)
	${goParse}
	if err != nil {
		panic(err)
	}
	now := time.Now()
	token, _ := jwt.NewWithClaims(jwt.SigningMethodES256, jwt.MapClaims{
		"sub": "${keyId}",
		"iat": now.Unix(),
		"exp": now.Add(5 * time.Minute).Unix(),
	}).SignedString(privateKey)

	req, _ := http.NewRequest("GET", "${url}", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	res, _ := http.DefaultClient.Do(req)
	fmt.Println(res.Status)
}`,
  };
}

export function opensslCommands(): string {
  return `# Generate private key
openssl ecparam -name prime256v1 -genkey -noout -out private.pem
# Generate public key from private key
openssl ec -in private.pem -pubout -out public.pem`;
}

export function curlSnippet(
  appUrl: string,
  credential: { header: "Authorization" | "X-API-Key"; value: string },
): string {
  const value = credential.header === "Authorization" ? `Bearer ${credential.value}` : credential.value;
  return `curl ${appUrl}/api/v1/whoami \\\n  -H "${credential.header}: ${value}"`;
}

/**
 * For a gateway or backend checking a key its own API received: POST /api/v1/verify, with the
 * `cost` in credits this call spends from a key that has credits (issue 12; default 1).
 */
export function verifySnippet(appUrl: string, secret: string): string {
  return `curl -X POST ${appUrl}/api/v1/verify \\
  -H "Content-Type: application/json" \\
  -d '{"key": "${secret}", "cost": 1}'
# → {"valid": true, "keyId": "key_…", …, "credits": {"remaining": 99, "nextRefillAt": null}}
#   (credits is null for a key without credits; at 0: {"valid": false, "code": "USAGE_EXCEEDED", …})`;
}
