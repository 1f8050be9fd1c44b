#!/usr/bin/env bash
# Makes the example CA chain in examples/contoso/ (or the folder given as $1): certificates only,
# the keys are thrown away, and crl-urls.txt, the `crl-urls` lines of the issuing CAs.
# Root: RSA 3072. Issuing CAs: ECDSA P-256 and P-384, each pointing at the root's CRL (and delta
# CRL), which is how the action learns the root's CRL URL. 50-year lifetimes so it does not rot.
set -euo pipefail
out=$(cd "${1:-$(dirname "$0")/../examples/contoso}" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
cat > ext.cnf <<'CNF'
[issuing]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign, digitalSignature
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
crlDistributionPoints = URI:http://crl.contoso.example/pki/contoso-root.crl
freshestCRL = URI:http://crl.contoso.example/pki/contoso-root-delta.crl
CNF
openssl req -x509 -newkey rsa:3072 -nodes -keyout root.key -out root.pem -days 18262 -sha256 \
  -subj '/C=US/O=Contoso Demo/CN=Contoso Demo Root CA' -addext 'basicConstraints=critical,CA:TRUE' \
  -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
for n in 1 2; do
  curve=$([ "$n" = 1 ] && echo P-256 || echo P-384)
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:$curve -nodes -keyout i$n.key -out i$n.csr \
    -subj "/C=US/O=Contoso Demo/CN=Contoso Demo Issuing CA $n" 2>/dev/null
  openssl x509 -req -in i$n.csr -CA root.pem -CAkey root.key -CAcreateserial -days 18000 -sha256 \
    -extfile ext.cnf -extensions issuing -out i$n.pem 2>/dev/null
done
openssl x509 -in root.pem -outform DER -out "$out/contoso-root-ca.cer"
cp i1.pem "$out/contoso-issuing-ca-1.pem"
cp i2.pem "$out/contoso-issuing-ca-2.pem"
# An issuing CA's CRL URL is named only by the certificates it issues, and it issues none in the
# set: `crl-urls` gives it one (`strict: true` fails a CA without), keyed by SHA-1 thumbprint.
for n in 1 2; do
  thumbprint=$(openssl x509 -in i$n.pem -noout -fingerprint -sha1 | sed 's/^.*=//; s/://g')
  echo "$thumbprint http://crl.contoso.example/pki/contoso-issuing-ca-$n.crl"
done > "$out/crl-urls.txt"
echo "wrote $(ls "$out")"
